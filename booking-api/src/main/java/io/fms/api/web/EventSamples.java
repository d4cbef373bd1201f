package io.fms.api.web;

import io.fms.events.BookingCancelled;
import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.fms.events.Passenger;
import io.fms.events.RejectionReason;
import io.fms.events.TripSummary;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * A sample of each booking event, written as the processor writes it ({@link BookingJson}), for the examples of
 * the webhooks' bodies: what a receiver is shown is what it gets, type and schema version included. A sample is
 * built from the event record's components by their names and types, so an event added to the contract gets an
 * example without a line here.
 */
final class EventSamples {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, Object> BY_NAME = Map.of(
            "eventId", UUID.fromString("9a3e4b1c-2d5f-4e6a-8b7c-0d1e2f3a4b5c"),
            "bookingId", UUID.fromString("5b6d1a7e-0a39-4c41-9a57-3c3a1f3e9b10"),
            "tripId", UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"),
            "contactEmail", "ada@example.com",
            "callbackUrl", "https://client.example.com/hooks/fms",
            "occurredAt", Instant.parse("2031-05-01T10:00:00.042Z"),
            "unavailableSeats", List.of("12B"),
            "reason", RejectionReason.SEAT_UNAVAILABLE);

    private EventSamples() {}

    /** The JSON body of a webhook for {@code type}, as a tree for the document's example. */
    static Object body(Class<? extends BookingEvent> type) {
        BookingEvent event = (BookingEvent) sample(type);
        return JSON.readValue(BookingJson.write(event), Object.class);
    }

    private static Record sample(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(type, components[i].getName(), components[i].getGenericType());
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return (Record) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a sample " + type.getSimpleName(), e);
        }
    }

    private static Object value(Class<?> owner, String name, Type type) {
        if (BY_NAME.containsKey(name)) {
            return BY_NAME.get(name);
        }
        if (name.equals("sequence")) {
            // A cancellation follows the decision: the second event of its booking.
            return owner == BookingCancelled.class ? 2L : 1L;
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type element = list.getActualTypeArguments()[0];
            if (element == Passenger.class) {
                return List.of(new Passenger("Ada Lovelace"), new Passenger("Charles Babbage"));
            }
            return element == String.class ? List.of("12A", "12B") : List.of();
        }
        if (type == TripSummary.class) {
            return new TripSummary(
                    (UUID) BY_NAME.get("tripId"), "FM101", "LHR", "JFK", Instant.parse("2031-06-01T09:30:00Z"));
        }
        if (!(type instanceof Class<?> plain)) {
            return null;
        }
        if (plain == long.class || plain == Long.class) {
            return 1L;
        }
        if (plain == int.class || plain == Integer.class) {
            return 1;
        }
        if (plain == boolean.class || plain == Boolean.class) {
            return false;
        }
        if (plain == String.class) {
            return "example";
        }
        if (plain == UUID.class) {
            return UUID.fromString("00000000-0000-4000-8000-000000000001");
        }
        if (plain == Instant.class) {
            return BY_NAME.get("occurredAt");
        }
        if (plain.isEnum()) {
            return plain.getEnumConstants()[0];
        }
        return plain.isRecord() ? sample(plain) : null;
    }
}
