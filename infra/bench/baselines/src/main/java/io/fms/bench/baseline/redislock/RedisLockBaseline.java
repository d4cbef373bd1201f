package io.fms.bench.baseline.redislock;

import io.fms.bench.baseline.BaselineProperties;
import io.fms.bench.baseline.booking.BookingAnswer;
import io.fms.bench.baseline.booking.ValidBooking;
import io.fms.bench.baseline.store.Attempt;
import io.fms.bench.baseline.store.BenchTables;
import io.fms.bench.baseline.store.BookingLedger;
import io.fms.bench.baseline.store.StoringBaseline;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The design FMS's predecessors proposed for scale: lock the party's seats in Redis, write the booking to Postgres
 * in one short transaction, release the locks. The Postgres write only marks seats that are still free, so a lock
 * that expired mid-way (a stalled request) can cost that request its seats, never sell one twice.
 *
 * <p>A hold keeps its seat locks, with a time to live equal to the hold, and its booking row ({@code HELD}).
 * Paying it checks that every lock is still this booking's and makes them permanent in one script, then the
 * ledger's guarded update confirms the row, then the locks are released: the row guards the seats from then on, as
 * for any confirmed booking. A lock that lapsed first means the hold lapsed: the row is expired at once.
 */
public class RedisLockBaseline extends StoringBaseline {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SeatLocks locks;
    private final BaselineProperties properties;
    private final String freeSeats;

    public RedisLockBaseline(
            BenchTables tables,
            BookingLedger ledger,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            StringRedisTemplate redis,
            BaselineProperties properties) {
        super(tables, ledger);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.locks = new SeatLocks(redis);
        this.properties = properties;
        this.freeSeats = """
                SELECT seat_label, seat_no FROM %s.seat
                WHERE trip_id = ? AND booking_id IS NULL AND seat_no > ?
                ORDER BY seat_no LIMIT ?""".formatted(tables.schema());
    }

    private record FreeSeat(String label, int seatNo) {}

    @Override
    protected Attempt bookRequested(UUID bookingId, ValidBooking booking) {
        String token = bookingId.toString();
        if (!locks.lockAll(booking.tripId(), booking.seats(), token, lockTtlMs(booking))) {
            return new Attempt.Rejected(BookingAnswer.SEAT_UNAVAILABLE);
        }
        Attempt attempt = writeThenRelease(bookingId, booking, booking.seats());
        // Not marked: a seat was already sold, or does not exist in the layout.
        return attempt instanceof Attempt.TryAgain ? new Attempt.Rejected(BookingAnswer.SEAT_UNAVAILABLE) : attempt;
    }

    @Override
    protected Attempt bookAnySeats(UUID bookingId, ValidBooking booking) {
        String token = bookingId.toString();
        int wanted = booking.passengerCount();
        for (int attemptNo = 1; attemptNo <= properties.attemptsMax(); attemptNo++) {
            List<String> held = new ArrayList<>(wanted);
            int freeSeen = lockFreeSeats(booking, token, held);
            if (freeSeen < wanted) {
                locks.release(booking.tripId(), held, token);
                return new Attempt.Rejected(BookingAnswer.SOLD_OUT);
            }
            if (held.size() == wanted) {
                Attempt attempt = writeThenRelease(bookingId, booking, held);
                if (!(attempt instanceof Attempt.TryAgain)) {
                    return attempt;
                }
                // A candidate was sold between reading it free and locking it: read again.
            } else {
                // Enough seats are free, but requests in flight hold some of them; they may yet give them back.
                locks.release(booking.tripId(), held, token);
                LockSupport.parkNanos(properties.retryBackoffMs() * attemptNo * 1_000_000L);
            }
        }
        return new Attempt.Rejected(BookingAnswer.SOLD_OUT);
    }

    /**
     * Reads the trip's free seats in seat order, a window at a time, locking the first ones nobody holds into
     * {@code held} until the party has enough. Answers how many free seats it saw.
     */
    private int lockFreeSeats(ValidBooking booking, String token, List<String> held) {
        UUID tripId = booking.tripId();
        int wanted = booking.passengerCount();
        int freeSeen = 0;
        int after = 0;
        while (held.size() < wanted) {
            List<FreeSeat> window = jdbc.query(
                    freeSeats,
                    (rs, row) -> new FreeSeat(rs.getString(1), rs.getInt(2)),
                    tripId,
                    after,
                    properties.candidateWindow());
            freeSeen += window.size();
            if (window.isEmpty()) {
                break;
            }
            List<String> labels = window.stream().map(FreeSeat::label).toList();
            held.addAll(locks.lockFirstFree(tripId, labels, wanted - held.size(), token, lockTtlMs(booking)));
            if (window.size() < properties.candidateWindow()) {
                break;
            }
            after = window.getLast().seatNo();
        }
        return freeSeen;
    }

    /** A hold's locks live as long as the hold; any other lock only outlives a stalled request by the TTL. */
    private long lockTtlMs(ValidBooking booking) {
        return booking.holds() ? booking.holdSeconds() * 1000L : properties.lockTtlMs();
    }

    /** The write, then the locks go, unless they now are a hold's. */
    private Attempt writeThenRelease(UUID bookingId, ValidBooking booking, List<String> seats) {
        Attempt attempt = null;
        try {
            attempt = write(bookingId, booking, seats);
        } finally {
            if (!(booking.holds() && attempt instanceof Attempt.Confirmed)) {
                locks.release(booking.tripId(), seats, bookingId.toString());
            }
        }
        return attempt;
    }

    /** The Postgres write, one short transaction, committed only if every seat was still free. */
    private Attempt write(UUID bookingId, ValidBooking booking, List<String> seats) {
        try {
            return transactions.execute(status -> {
                Attempt attempt = Attempt.of(ledger.confirm(bookingId, booking, seats), seats);
                if (!(attempt instanceof Attempt.Confirmed)) {
                    status.setRollbackOnly();
                }
                return attempt;
            });
        } catch (PessimisticLockingFailureException e) {
            // Only after a lock expired can two writers meet on a seat row; Postgres chose this one to give way.
            return new Attempt.TryAgain();
        }
    }

    @Override
    public BookingAnswer confirm(UUID bookingId, String paymentReference) {
        BookingLedger.Stored booking = ledger.find(bookingId);
        if (booking.status() != BookingAnswer.Status.HELD) {
            return ledger.settled(booking, paymentReference);
        }
        String token = bookingId.toString();
        if (!locks.persistAll(booking.tripId(), booking.seats(), token)) {
            // The hold's locks lapsed (or were never all there): the hold is over, whatever the row's deadline says.
            ledger.expire(bookingId, true);
            return ledger.settled(ledger.find(bookingId), paymentReference);
        }
        try {
            return ledger.pay(bookingId, paymentReference);
        } finally {
            locks.release(booking.tripId(), booking.seats(), token);
        }
    }

    @Override
    public void reset() {
        super.reset();
        locks.clear();
    }

    @Override
    public boolean isHealthy() {
        return super.isHealthy() && locks.isHealthy();
    }
}
