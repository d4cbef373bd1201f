package io.fms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** What the API answers about a booking's notifications, for tests in any context. */
public final class NotificationLists {

    private NotificationLists() {}

    /** The booking is known, and nothing has been sent for it: its list of notifications is empty. */
    public static void assertEmpty(Http http, UUID bookingId) {
        JsonNode body = http.get("/api/v1/bookings/" + bookingId + "/notifications")
                .assertStatus(200)
                .json();

        assertThat(body.get("bookingId").asString()).isEqualTo(bookingId.toString());
        assertThat(body.get("notifications").isArray()).isTrue();
        assertThat(body.get("notifications").isEmpty()).isTrue();
    }
}
