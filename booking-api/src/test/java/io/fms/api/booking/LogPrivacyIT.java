package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.SharedApiContext;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Logs carry IDs an operator needs (booking, trip), never passenger names, email addresses, callback URLs with
 * their query strings, request bodies or the admin key: a booking's whole life at the API, at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyIT extends SharedApiContext {

    private static final String NAME = "Zebulon Quartermaine";
    private static final String EMAIL = "zebulon.q@example.com";
    private static final String URL_SECRET = "tok3n-in-the-query";

    @AfterEach
    void quiet() {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel("io.fms", null);
    }

    @Test
    void aBookingsLifeLeavesNoPersonalDataOrSecretInTheLog(CapturedOutput output) {
        LoggingSystem.get(getClass().getClassLoader()).setLogLevel("io.fms", LogLevel.DEBUG);
        UUID trip = createTrip();
        String booking = http.postJson(
                        "/api/v1/bookings",
                        """
                {"tripId": "%s", "passengers": [{"name": "%s"}], "contactEmail": "%s"}""".formatted(trip, NAME, EMAIL),
                        "Idempotency-Key",
                        "log-" + UUID.randomUUID())
                .assertStatus(202)
                .json()
                .get("bookingId")
                .asString();
        http.get("/api/v1/bookings/" + booking + "?waitSeconds=1").assertStatus(200);
        http.delete("/api/v1/bookings/" + booking);
        // Refused requests: a bad callback URL with a secret in its query, a bad email, an unparseable body.
        http.postJson("/api/v1/bookings", """
                {"tripId": "%s", "passengers": [{"name": "%s"}], "callbackUrl": "http://10.0.0.1/h?t=%s"}""".formatted(trip, NAME, URL_SECRET)).assertStatus(400);
        http.postJson("/api/v1/bookings", """
                {"tripId": "%s", "passengers": [{"name": "%s"}], "contactEmail": "%s x"}""".formatted(trip, NAME, EMAIL)).assertStatus(400);
        http.postJson("/api/v1/bookings", "{\"passengers\": [{\"name\": \"" + NAME + "\"}")
                .assertStatus(400);
        http.postJson("/api/v1/flights", "{}", "Authorization", "Bearer wrong-" + ADMIN_KEY)
                .assertStatus(401);

        // The positive control: the capture does hold the booking's life, by its IDs.
        assertThat(output.getAll())
                .contains("Booking " + booking + " queued on trip " + trip)
                .contains("Cancellation of booking " + booking + " queued on trip " + trip);
        assertThat(output.getAll()).doesNotContain(NAME, "Zebulon", EMAIL, URL_SECRET, ADMIN_KEY, "passengers");
    }
}
