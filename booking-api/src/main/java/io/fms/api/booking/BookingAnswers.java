package io.fms.api.booking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.fms.events.BookingView;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.jackson.JacksonMixin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A booking as HTTP answers show it: the read model's {@link BookingView} without {@code commandOffset}, which only
 * the API uses (to compute {@code queue}); the OpenAPI document says what each field means.
 */
@Configuration(proxyBeanMethods = false)
class BookingAnswers {

    static final String HIDDEN = "commandOffset";

    /** Applies to Spring's JSON mapper only: the read model in Redis keeps the offset (its own mapper). */
    @JacksonMixin(BookingView.class)
    @JsonIgnoreProperties(HIDDEN)
    abstract static class WithoutCommandOffset {}

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "status",
            "PENDING until decided; then HELD, CONFIRMED, WAITLISTED or REJECTED; a hold ends CONFIRMED, EXPIRED"
                    + " or CANCELLED; a waiting party is seated (HELD or CONFIRMED), leaves (CANCELLED) or is"
                    + " REJECTED TRIP_CLOSED when the trip departs",
            "reason",
            "Why a REJECTED booking was refused: SEAT_UNAVAILABLE, SOLD_OUT, TRIP_CLOSED, INVALID_SEAT or"
                    + " WAITLIST_FULL",
            "decidedAt",
            "When the booking last changed (decided, confirmed, expired, cancelled); null while PENDING",
            "holdExpiresAt",
            "A held booking's payment deadline: a confirmation appended by then wins",
            "paymentReference",
            "The payment that confirmed a held booking",
            "lateConfirmation",
            "A payment that arrived after holdExpiresAt: the booking stayed EXPIRED and the payment is to refund",
            "waitlistPosition",
            "While WAITLISTED, the party's place on the trip's waitlist (1 = next)",
            "queue",
            "While PENDING, its place in its partition's queue: position = commands ahead of it not yet decided"
                    + " (it never grows), etaMs = an estimate from the partition's recent decision rate (0 when"
                    + " unknown); null once decided");

    @Bean
    OpenApiCustomizer bookingAnswerSchema() {
        return openApi -> {
            if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
                return;
            }
            Schema<?> booking = openApi.getComponents().getSchemas().get(BookingView.class.getSimpleName());
            if (booking == null || booking.getProperties() == null) {
                return;
            }
            booking.getProperties().remove(HIDDEN);
            DESCRIPTIONS.forEach((field, description) -> {
                Schema<?> property = booking.getProperties().get(field);
                if (property != null && property.get$ref() == null) {
                    property.setDescription(description);
                }
            });
        };
    }
}
