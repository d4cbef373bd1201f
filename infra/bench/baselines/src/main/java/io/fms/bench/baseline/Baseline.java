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
     * Pays a held booking: confirmed if the hold has not lapsed, else {@code EXPIRED} (its seats free). Paying a
     * confirmed booking again with the same reference answers the same.
     *
     * @throws io.fms.bench.baseline.web.NotFoundException if no such booking exists
     * @throws io.fms.bench.baseline.booking.BookingConflictException if it is not a hold (or was paid with another
     *     reference)
     */
    BookingAnswer confirm(UUID bookingId, String paymentReference);

    /**
     * Cancels a confirmed booking: its seats are free again at once. Cancelling a cancelled booking answers the same.
     *
     * @throws io.fms.bench.baseline.web.NotFoundException if no such booking exists
     * @throws io.fms.bench.baseline.booking.BookingConflictException if it was rejected, or is a hold (a hold is paid or lapses)
     */
    BookingAnswer cancel(UUID bookingId);

    /**
     * Expires up to {@code max} holds whose deadline has passed, freeing their seats; answers how many (the
     * sweeper calls it every {@code holdSweepMs}).
     */
    int expireLapsedHolds(int max);

    /** Drops every trip, seat and booking of this design. */
    void reset();

    /** True once this design's schema exists and its stores answer. */
    boolean isHealthy();
}
