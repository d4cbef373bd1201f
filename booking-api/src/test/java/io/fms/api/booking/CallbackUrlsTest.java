package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fms.api.ApiProperties;
import io.fms.api.web.ProblemException;
import io.fms.support.callback.CallbackUrlPolicy.HostResolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Callback URL checks at intake: bounded in time, and in how many lookups are in flight. */
class CallbackUrlsTest {

    private static final long TIMEOUT_MS = 200;

    private final HangingResolver resolver = new HangingResolver();

    private final CallbackUrls callbackUrls = new CallbackUrls(
            new Binder(new MapConfigurationPropertySource(
                            Map.of("fms.api.callback-check-timeout-ms", Long.toString(TIMEOUT_MS))))
                    .bindOrCreate("fms.api", ApiProperties.class),
            new StaticListableBeanFactory(Map.of("resolver", resolver)).getBeanProvider(HostResolver.class));

    @AfterEach
    void close() {
        resolver.answer();
        callbackUrls.destroy();
    }

    @Test
    void aLookupThatHangsIsAnsweredWithinTheTimeout() {
        long start = System.nanoTime();

        Optional<String> problem = callbackUrls.problem("https://" + HangingResolver.HUNG + "/hooks");

        assertThat(problem).contains("host could not be resolved in time");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(TIMEOUT_MS + 1_000));
        assertThat(callbackUrls.problem("https://" + HangingResolver.FAST + "/hooks"))
                .isEmpty();
    }

    @Test
    void whenTheLookupsInFlightAreAtTheirBoundTheNextCheckIsUnavailableAtOnceNotAcceptedUnchecked() throws Exception {
        // A check that timed out before its lookup even started leaves no lookup behind: more are made until as
        // many lookups hang as the bound allows.
        for (int round = 0; round < 10 && resolver.hungLookups() < CallbackUrls.LOOKUPS_IN_FLIGHT_MAX; round++) {
            List<CompletableFuture<Optional<String>>> callers = new ArrayList<>();
            try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = resolver.hungLookups(); i < CallbackUrls.LOOKUPS_IN_FLIGHT_MAX; i++) {
                    callers.add(CompletableFuture.supplyAsync(
                            () -> callbackUrls.problem("https://" + HangingResolver.HUNG + "/hooks"), threads));
                }
                for (var caller : callers) {
                    assertThat(caller.get(10, TimeUnit.SECONDS)).contains("host could not be resolved in time");
                }
            }
        }
        // Every caller has its answer, and every lookup is still stuck in the resolver.
        assertThat(resolver.hungLookups()).isEqualTo(CallbackUrls.LOOKUPS_IN_FLIGHT_MAX);

        long start = System.nanoTime();
        assertThatThrownBy(() -> callbackUrls.problem("https://" + HangingResolver.FAST + "/hooks"))
                .isInstanceOfSatisfying(
                        ProblemException.Unavailable.class,
                        unavailable -> assertThat(unavailable.dependency()).isEqualTo("dns"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(TIMEOUT_MS));
        assertThat(resolver.hungLookups())
                .as("no further lookup started")
                .isEqualTo(CallbackUrls.LOOKUPS_IN_FLIGHT_MAX);

        // Once the stuck lookups end, their places are free again.
        resolver.answer();
        await().atMost(Duration.ofSeconds(5))
                .ignoreException(ProblemException.Unavailable.class)
                .untilAsserted(() -> assertThat(callbackUrls.problem("https://" + HangingResolver.FAST + "/hooks"))
                        .isEmpty());
        assertThat(callbackUrls.problem("https://93.184.215.14/hooks")).isEmpty();
    }
}
