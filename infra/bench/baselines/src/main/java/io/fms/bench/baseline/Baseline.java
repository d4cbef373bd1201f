package io.fms.bench.baseline;

import io.fms.bench.baseline.booking.BookingAnswer;
import io.fms.bench.baseline.booking.ValidBooking;
import io.fms.bench.baseline.trip.TripLayout;
import java.util.UUID;

/** What the web layer asks of a design; one implementation per {@link Design}, chosen at start. */
public interface Baseline {

    /**
     * Creates the trip and its seats; does nothing if the same trip exists with the same layout.
     *
     * @throws io.fms.bench.baseline.trip.LayoutConflictException if it exists with another layout
     */
    void createTrip(UUID tripId, TripLayout layout);

    /**
     * Decides a booking. Returns the decision already given when the idempotency key was seen before.
     *
     * @throws io.fms.bench.baseline.web.NotFoundException if the trip does not exist
     */
    BookingAnswer book(ValidBooking booking);

    /**
     * Cancels a confirmed booking: its seats are free again at once. Cancelling a cancelled booking answers the same.
     *
     * @throws io.fms.bench.baseline.web.NotFoundException if no such booking exists
     * @throws io.fms.bench.baseline.booking.NotCancellableException if it was rejected
     */
    BookingAnswer cancel(UUID bookingId);

    /** Drops every trip, seat and booking of this design. */
    void reset();

    /** True once this design's schema exists and its stores answer. */
    boolean isHealthy();
}
