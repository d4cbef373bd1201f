package io.fms.api;

import io.fms.support.callback.CallbackUrlPolicy;
import io.fms.testkit.FmsTestInfrastructure;
import io.fms.testkit.OwnedSchemas;
import java.net.InetAddress;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The one Spring context most test classes share: the API against the real broker, a fresh Postgres database and
 * Redis from fms-testkit. Subclasses must not add configuration of their own, or they get a context of their own.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "fms.api.admin-api-key=" + SharedApiContext.ADMIN_KEY,
            "fms.api.wait-fallback-interval-ms=500",
            // Every test client is one loopback address; RateLimitIT covers the limit.
            "fms.rate-limit.enabled=false"
        })
@Import(SharedApiContext.Names.class)
public abstract class SharedApiContext {

    /** A host name that resolves to a private address, as a hostile DNS zone would make one; others resolve as usual. */
    public static final String PRIVATE_NAME = "intranet.fms-test";

    @TestConfiguration(proxyBeanMethods = false)
    static class Names {
        @Bean
        CallbackUrlPolicy.HostResolver hostResolver() {
            return host -> host.equals(PRIVATE_NAME)
                    ? new InetAddress[] {InetAddress.getByAddress(PRIVATE_NAME, new byte[] {10, 0, 0, 1})}
                    : InetAddress.getAllByName(host);
        }
    }

    public static final String ADMIN_KEY = "test-admin-key-0123456789";

    private static final AtomicInteger FLIGHT_NUMBERS = new AtomicInteger(100);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        FmsTestInfrastructure.register(registry);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected DataSource dataSource;

    protected Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** The processor's tables, from its own migrations, for tests that play the processor's part. */
    protected void createProcessorTables() {
        OwnedSchemas.migrate(dataSource, "booking-processor", "booking");
    }

    protected static String uniqueFlightNumber() {
        return "FM" + FLIGHT_NUMBERS.incrementAndGet();
    }

    protected JsonNode createFlight(String origin, String destination) {
        Http.Response response =
                http.postAdmin("/api/v1/flights", """
                {"flightNumber": "%s", "origin": "%s", "destination": "%s"}""".formatted(uniqueFlightNumber(), origin, destination));
        response.assertStatus(201);
        return response.json();
    }

    protected JsonNode createTrip(String departureTime, int rows, String columns) {
        JsonNode flight = createFlight("LHR", "JFK");
        Http.Response response =
                http.postAdmin("/api/v1/flights/" + flight.get("id").asString() + "/trips", """
                {"departureTime": "%s", "rows": %d, "columns": "%s"}""".formatted(
                                departureTime, rows, columns));
        response.assertStatus(201);
        return response.json();
    }

    protected UUID createTrip() {
        return UUID.fromString(
                createTrip("2031-06-01T09:30:00Z", 10, "ABCDEF").get("id").asString());
    }

    /** A booking request for one passenger on the trip, without seats or contacts. */
    protected static String oneSeat(UUID tripId) {
        return """
                {"tripId": "%s", "passengers": [{"name": "Ada Lovelace"}]}""".formatted(tripId);
    }

    /** Books one seat on the trip, as {@link #oneSeat}; the ID of the queued booking. */
    protected UUID bookOneSeat(UUID tripId) {
        return UUID.fromString(http.postJson("/api/v1/bookings", oneSeat(tripId))
                .assertStatus(202)
                .json()
                .get("bookingId")
                .asString());
    }
}
