package io.fms.bench.baseline.noop;

import io.fms.bench.baseline.Baseline;
import io.fms.bench.baseline.booking.BookingAnswer;
import io.fms.bench.baseline.booking.ValidBooking;
import io.fms.bench.baseline.trip.TripLayout;
import io.fms.bench.baseline.web.NotFoundException;
import java.util.List;
import java.util.UUID;

/**
 * The HTTP ceiling: the request is parsed and validated like the others, then answered with a fixed body. Nothing
 * is stored, so there is nothing to check after a run.
 */
public class NoopBaseline implements Baseline {

    private static final BookingAnswer FIXED = BookingAnswer.confirmed(new UUID(0, 0), List.of());

    @Override
    public void createTrip(UUID tripId, TripLayout layout) {}

    @Override
    public BookingAnswer book(ValidBooking booking) {
        return FIXED;
    }

    /** The HTTP ceiling books nothing, so there is nothing to pay. */
    @Override
    public BookingAnswer confirm(UUID bookingId, String paymentReference) {
        throw new NotFoundException("Booking " + bookingId + " does not exist");
    }

    /** The HTTP ceiling books nothing, so there is nothing to cancel. */
    @Override
    public BookingAnswer cancel(UUID bookingId) {
        throw new NotFoundException("Booking " + bookingId + " does not exist");
    }

    @Override
    public int expireLapsedHolds(int max) {
        return 0;
    }

    @Override
    public void reset() {}

    @Override
    public boolean isHealthy() {
        return true;
    }
}
