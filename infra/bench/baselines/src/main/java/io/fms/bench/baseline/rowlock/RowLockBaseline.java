package io.fms.bench.baseline.rowlock;

import io.fms.bench.baseline.booking.BookingAnswer;
import io.fms.bench.baseline.booking.ValidBooking;
import io.fms.bench.baseline.store.Attempt;
import io.fms.bench.baseline.store.BenchTables;
import io.fms.bench.baseline.store.BookingLedger;
import io.fms.bench.baseline.store.StoringBaseline;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The original FMS design: each booking is one Postgres transaction that locks the seat rows it needs with
 * {@code SELECT ... FOR UPDATE}, marks them, inserts the booking and commits; the answer is the decision.
 *
 * <p>Locks are always taken in seat order ({@code seat_no}), and a transaction that skipped locked seats never
 * waits while holding them, so no two bookings can wait on each other in a cycle. A hold is the same booking row
 * with status {@code HELD} and a deadline; paying it is the ledger's guarded update, and the sweeper expires it.
 */
public class RowLockBaseline extends StoringBaseline {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final String lockRequested;
    private final String lockFirstFree;
    private final String lockEveryFree;

    public RowLockBaseline(
            BenchTables tables, BookingLedger ledger, JdbcTemplate jdbc, TransactionTemplate transactions) {
        super(tables, ledger);
        this.jdbc = jdbc;
        this.transactions = transactions;
        String schema = tables.schema();
        // A seat booked while this one waited for its lock is re-checked by Postgres after the wait and left out.
        this.lockRequested = """
                SELECT seat_label FROM %s.seat
                WHERE trip_id = ? AND seat_label = ANY (?::text[]) AND booking_id IS NULL
                ORDER BY seat_no FOR UPDATE""".formatted(schema);
        // What a tuned auto-assignment does: take the first free seats nobody else is holding, without waiting.
        this.lockFirstFree = """
                SELECT seat_label FROM %s.seat
                WHERE trip_id = ? AND booking_id IS NULL
                ORDER BY seat_no LIMIT ? FOR UPDATE SKIP LOCKED""".formatted(schema);
        // When too few seats were free of locks, the trip is nearly full: wait for the holders, in seat order, to
        // learn whether it is really sold out (a holder may yet roll back).
        this.lockEveryFree = """
                SELECT seat_label FROM %s.seat
                WHERE trip_id = ? AND booking_id IS NULL
                ORDER BY seat_no FOR UPDATE""".formatted(schema);
    }

    @Override
    protected Attempt bookRequested(UUID bookingId, ValidBooking booking) {
        return inTransaction(() -> {
            List<String> free = jdbc.queryForList(
                    lockRequested,
                    String.class,
                    booking.tripId(),
                    booking.seats().toArray(String[]::new));
            if (free.size() < booking.passengerCount()) {
                return new Attempt.Rejected(BookingAnswer.SEAT_UNAVAILABLE);
            }
            Attempt attempt = Attempt.of(ledger.confirm(bookingId, booking, free), free);
            // The seats are locked by this transaction, so only the idempotency key can have stopped it.
            return attempt instanceof Attempt.TryAgain ? new Attempt.Rejected(BookingAnswer.SEAT_UNAVAILABLE) : attempt;
        });
    }

    @Override
    protected Attempt bookAnySeats(UUID bookingId, ValidBooking booking) {
        int wanted = booking.passengerCount();
        Attempt first = inTransaction(() -> {
            List<String> free = jdbc.queryForList(lockFirstFree, String.class, booking.tripId(), wanted);
            return free.size() < wanted
                    ? new Attempt.TryAgain()
                    : Attempt.of(ledger.confirm(bookingId, booking, free), free);
        });
        if (!(first instanceof Attempt.TryAgain)) {
            return first;
        }
        return inTransaction(() -> {
            List<String> free = jdbc.queryForList(lockEveryFree, String.class, booking.tripId());
            if (free.size() < wanted) {
                return new Attempt.Rejected(BookingAnswer.SOLD_OUT);
            }
            List<String> chosen = free.subList(0, wanted);
            Attempt attempt = Attempt.of(ledger.confirm(bookingId, booking, chosen), List.copyOf(chosen));
            return attempt instanceof Attempt.TryAgain ? new Attempt.Rejected(BookingAnswer.SOLD_OUT) : attempt;
        });
    }

    /** Runs one try in a transaction that commits only if the try confirmed the booking. */
    private Attempt inTransaction(Supplier<Attempt> attempt) {
        return transactions.execute(status -> {
            Attempt result = attempt.get();
            if (!(result instanceof Attempt.Confirmed)) {
                status.setRollbackOnly();
            }
            return result;
        });
    }
}
