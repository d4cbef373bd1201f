package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.CommandTopic;
import io.fms.api.Http;
import io.fms.api.SharedApiContext;
import io.fms.support.callback.CallbackUrlPolicy.HostResolver;
import io.fms.testkit.FmsTestInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Intake when DNS hangs: once as many lookups as the bound allows are stuck, a booking with a callback URL is
 * answered 503 with Retry-After at once, not held and not accepted unchecked. A context of its own, for its
 * resolver: the real broker, Postgres and Redis.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "fms.api.admin-api-key=" + SharedApiContext.ADMIN_KEY,
            "fms.api.callback-check-timeout-ms=200",
            "fms.rate-limit.enabled=false"
        })
@Import(CallbackLookupBoundIT.HungDns.class)
class CallbackLookupBoundIT {

    private static final HangingResolver DNS = new HangingResolver();

    @TestConfiguration(proxyBeanMethods = false)
    static class HungDns {
        @Bean
        HostResolver hostResolver() {
            return DNS;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        FmsTestInfrastructure.register(registry);
    }

    @AfterAll
    static void dnsBack() {
        DNS.answer();
    }

    @LocalServerPort
    int port;

    @Test
    void withTheLookupsInFlightAtTheirBoundABookingIsAnswered503AtOnceAndNotAccepted() throws Exception {
        var http = new Http(port);
        UUID tripId = createTrip(http);
        // A request whose lookup had not even started when its check timed out leaves no lookup behind: more are
        // sent until as many lookups hang as the bound allows.
        for (int round = 0; round < 10 && DNS.hungLookups() < CallbackUrls.LOOKUPS_IN_FLIGHT_MAX; round++) {
            List<Future<Http.Response>> stuck = new ArrayList<>();
            try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = DNS.hungLookups(); i < CallbackUrls.LOOKUPS_IN_FLIGHT_MAX; i++) {
                    stuck.add(clients.submit(
                            () -> http.postJson("/api/v1/bookings", booking(tripId, HangingResolver.HUNG))));
                }
                for (var response : stuck) {
                    assertThat(response.get(30, TimeUnit.SECONDS).invalidFields())
                            .containsExactly("callbackUrl");
                }
            }
        }
        assertThat(DNS.hungLookups()).isEqualTo(CallbackUrls.LOOKUPS_IN_FLIGHT_MAX);
        int commandsBefore = CommandTopic.count();

        long start = System.nanoTime();
        Http.Response refused = http.postJson("/api/v1/bookings", booking(tripId, HangingResolver.FAST));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        refused.assertProblem(503, "unavailable");
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(CommandTopic.count()).as("nothing published").isEqualTo(commandsBefore);

        // The stuck lookups end; the same booking is now checked and accepted.
        DNS.answer();
        Http.Response accepted = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            accepted = http.postJson("/api/v1/bookings", booking(tripId, HangingResolver.FAST));
            if (accepted.status() != 503) {
                break;
            }
            Thread.sleep(50);
        }
        accepted.assertStatus(202);
        assertThat(CommandTopic.recordsOf(
                        UUID.fromString(accepted.json().get("bookingId").asString())))
                .hasSize(1);
    }

    private static String booking(UUID tripId, String callbackHost) {
        return """
                {"tripId": "%s", "passengers": [{"name": "Ada Lovelace"}],
                 "callbackUrl": "https://%s/hooks/fms"}""".formatted(tripId, callbackHost);
    }

    private static UUID createTrip(Http http) {
        Http.Response flight = http.postAdmin("/api/v1/flights", """
                {"flightNumber": "FM901", "origin": "LHR", "destination": "JFK"}""");
        flight.assertStatus(201);
        Http.Response trip =
                http.postAdmin("/api/v1/flights/" + flight.json().get("id").asString() + "/trips", """
                {"departureTime": "2031-06-01T09:30:00Z", "rows": 10, "columns": "ABCDEF"}""");
        trip.assertStatus(201);
        return UUID.fromString(trip.json().get("id").asString());
    }
}
