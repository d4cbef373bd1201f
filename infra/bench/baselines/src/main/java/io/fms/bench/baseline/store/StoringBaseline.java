package io.fms.bench.baseline.store;

import io.fms.bench.baseline.Baseline;
import io.fms.bench.baseline.booking.BookingAnswer;
import io.fms.bench.baseline.booking.ValidBooking;
import io.fms.bench.baseline.trip.TripLayout;
import io.fms.bench.baseline.web.NotFoundException;
import java.util.UUID;

/**
 * What the two storing designs share: their tables and ledger, the trip check before a booking, payments,
 * cancellations and the sweep of lapsed holds. A design says only how it takes a party's seats.
 */
public abstract class StoringBaseline implements Baseline {

    protected final BenchTables tables;
    protected final BookingLedger ledger;

    protected StoringBaseline(BenchTables tables, BookingLedger ledger) {
        this.tables = tables;
        this.ledger = ledger;
    }

    /** Takes the requested seats; commits only a {@link Attempt.Confirmed} try. */
    protected abstract Attempt bookRequested(UUID bookingId, ValidBooking booking);

    /** Takes the first free seats in seat order; commits only a {@link Attempt.Confirmed} try. */
    protected abstract Attempt bookAnySeats(UUID bookingId, ValidBooking booking);

    @Override
    public void createTrip(UUID tripId, TripLayout layout) {
        tables.createTrip(tripId, layout);
    }

    @Override
    public BookingAnswer book(ValidBooking booking) {
        if (!tables.tripExists(booking.tripId())) {
            throw new NotFoundException("Trip " + booking.tripId() + " does not exist");
        }
        UUID bookingId = UUID.randomUUID();
        Attempt attempt = booking.autoAssigned() ? bookAnySeats(bookingId, booking) : bookRequested(bookingId, booking);
        return Attempt.answer(ledger, bookingId, booking, attempt);
    }

    /** The guarded update alone: the booking row is the hold. */
    @Override
    public BookingAnswer confirm(UUID bookingId, String paymentReference) {
        return ledger.pay(bookingId, paymentReference);
    }

    @Override
    public BookingAnswer cancel(UUID bookingId) {
        return ledger.cancel(bookingId);
    }

    @Override
    public int expireLapsedHolds(int max) {
        return ledger.expireLapsed(max);
    }

    @Override
    public void reset() {
        tables.reset();
    }

    @Override
    public boolean isHealthy() {
        return tables.isHealthy();
    }
}
