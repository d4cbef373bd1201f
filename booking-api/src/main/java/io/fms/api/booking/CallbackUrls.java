package io.fms.api.booking;

import io.fms.api.ApiProperties;
import io.fms.api.web.ProblemException;
import io.fms.support.callback.CallbackUrlPolicy;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether a callback URL may be accepted, by the shared SSRF guard: http(s) to a public address only, loopback
 * only where {@code FMS_WEBHOOK_ALLOW_LOOPBACK} allows it. The guard resolves the host name, so its answer is
 * waited for at most {@code fms.api.callback-check-timeout-ms}: a slow DNS server must not hold intake up. The worker
 * checks again, against the addresses it connects to, when it sends.
 *
 * <p>A lookup that timed out goes on until the resolver gives up, which the JDK cannot cut short, and each blocked
 * one may hold a carrier thread. So the lookups in flight are bounded too, counted until they really end: beyond
 * {@link #LOOKUPS_IN_FLIGHT_MAX}, a request with a callback URL is answered 503 rather than accepted unchecked.
 */
@Component
class CallbackUrls implements DisposableBean {

    private static final String FIELD_PREFIX = "callbackUrl ";

    // Fast DNS answers in milliseconds, so this many at once is only reached when lookups hang; well under the
    // JDK's 256 carrier threads, so hanging lookups cannot take them all.
    static final int LOOKUPS_IN_FLIGHT_MAX = 64;

    private final Semaphore lookupsInFlight = new Semaphore(LOOKUPS_IN_FLIGHT_MAX);

    private final CallbackUrlPolicy policy;
    private final Duration timeout;
    private final ExecutorService lookups = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("fms-callback-check-", 0).factory());

    /** @param resolver a {@link CallbackUrlPolicy.HostResolver} bean if there is one (tests), else the system's */
    CallbackUrls(ApiProperties properties, ObjectProvider<CallbackUrlPolicy.HostResolver> resolver) {
        this.policy = new CallbackUrlPolicy(
                properties.webhookAllowLoopback(), resolver.getIfAvailable(() -> InetAddress::getAllByName));
        this.timeout = Duration.ofMillis(properties.callbackCheckTimeoutMs());
    }

    /**
     * Empty when acceptable, else why not, worded to follow the field name.
     *
     * @throws ProblemException 503 when {@link #LOOKUPS_IN_FLIGHT_MAX} lookups are in flight already
     */
    Optional<String> problem(String url) {
        if (!lookupsInFlight.tryAcquire()) {
            throw ProblemException.unavailable(
                    "dns", "Too many callback URLs are being checked at once; retry shortly", null);
        }
        // Whoever sets it releases the permit: the lookup when it ends, or the caller when the lookup never started.
        AtomicBoolean owned = new AtomicBoolean();
        Future<Optional<String>> verdict;
        try {
            verdict = lookups.submit(() -> {
                if (!owned.compareAndSet(false, true)) {
                    return Optional.of("could not be checked");
                }
                try {
                    return policy.check(url);
                } finally {
                    lookupsInFlight.release();
                }
            });
        } catch (RejectedExecutionException e) {
            lookupsInFlight.release();
            throw ProblemException.unavailable("dns", "Callback URLs cannot be checked now; retry shortly", e);
        }
        try {
            return verdict.get(timeout.toMillis(), TimeUnit.MILLISECONDS).map(CallbackUrls::withoutFieldName);
        } catch (TimeoutException e) {
            abandon(verdict, owned);
            return Optional.of("host could not be resolved in time");
        } catch (InterruptedException e) {
            abandon(verdict, owned);
            Thread.currentThread().interrupt();
            return Optional.of("could not be checked");
        } catch (ExecutionException e) {
            return Optional.of("could not be checked");
        }
    }

    private void abandon(Future<?> verdict, AtomicBoolean owned) {
        verdict.cancel(true);
        if (owned.compareAndSet(false, true)) {
            lookupsInFlight.release();
        }
    }

    private static String withoutFieldName(String reason) {
        return reason.startsWith(FIELD_PREFIX) ? reason.substring(FIELD_PREFIX.length()) : reason;
    }

    @Override
    public void destroy() {
        lookups.shutdownNow();
    }
}
