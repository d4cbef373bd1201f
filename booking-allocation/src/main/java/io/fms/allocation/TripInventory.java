package io.fms.allocation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The seats of one trip and the live bookings that hold them.
 *
 * <p>Not thread-safe by design: the consumer thread of the trip's partition is its only reader and writer, which is
 * what lets allocation run without locks: one writer per piece of state.
 */
public final class TripInventory {

    private final UUID tripId;
    private final SeatLayout layout;
    private final Instant salesCloseAt;
    private final int allColumns;
    // Bit i of entry r is set when the seat in row r + 1 at column position i is booked: a row is one int.
    private final int[] bookedColumnsByRow;
    private final Map<UUID, List<Seat>> seatsByBooking = new HashMap<>();
    private int availableSeats;
    private int heldSeats;

    public TripInventory(UUID tripId, SeatLayout layout, Instant salesCloseAt) {
        this.tripId = Objects.requireNonNull(tripId, "tripId");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.salesCloseAt = Objects.requireNonNull(salesCloseAt, "salesCloseAt");
        this.allColumns = SeatAssignment.allColumnsMask(layout.columnCount());
        this.bookedColumnsByRow = new int[layout.rows()];
        this.availableSeats = layout.capacity();
        checkInvariants();
    }

    /**
     * Loads a live booking read back from the database. Throws {@link IllegalStateException} when a seat is invalid or
     * already held, or the booking is loaded twice: such data means a double sale or corruption, and serving from it
     * would only spread the damage.
     */
    public void restore(UUID bookingId, Collection<String> seatLabels) {
        Objects.requireNonNull(bookingId, "bookingId");
        if (seatsByBooking.containsKey(bookingId)) {
            throw new IllegalStateException("booking " + bookingId + " restored twice on trip " + tripId);
        }
        if (seatLabels.isEmpty()) {
            throw new IllegalStateException("live booking " + bookingId + " on trip " + tripId + " holds no seat");
        }
        TreeSet<Seat> seats = new TreeSet<>();
        for (String label : seatLabels) {
            Seat seat = Seat.parse(label)
                    .filter(layout::contains)
                    .orElseThrow(() -> new IllegalStateException("booking " + bookingId + " holds seat '" + label
                            + "' outside the layout of trip " + tripId));
            if (isBooked(seat) || !seats.add(seat)) {
                throw new IllegalStateException(
                        "seat " + label + " of trip " + tripId + " is held twice (booking " + bookingId + ")");
            }
        }
        hold(bookingId, List.copyOf(seats));
    }

    /**
     * Decides a booking request. Explicit seats are all or nothing; without them one seat per passenger is chosen by
     * {@link SeatAssignment}. A booking that already holds seats gets them again, so a redelivered command is harmless.
     * A rejection changes nothing. {@code requestedSeats} may be null or empty for "no preference".
     *
     * <p>Only live holders are remembered: a booking that was rejected or cancelled holds nothing, so a redelivered
     * request for it would be decided afresh. Keeping every decided ID here would grow without limit at peak; the
     * processor's decisions table is where such a redelivery has to be recognised.
     */
    public Decision book(UUID bookingId, int passengerCount, List<String> requestedSeats, Instant now) {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(now, "now");
        if (passengerCount < 1) {
            throw new IllegalArgumentException("a booking needs at least one passenger, had " + passengerCount);
        }
        List<Seat> alreadyHeld = seatsByBooking.get(bookingId);
        if (alreadyHeld != null) {
            return new Decision.Confirmed(bookingId, labels(alreadyHeld));
        }
        if (isClosed(now)) {
            return new Decision.Rejected(bookingId, Rejection.TRIP_CLOSED, List.of());
        }
        if (requestedSeats == null || requestedSeats.isEmpty()) {
            return bookAnySeats(bookingId, passengerCount);
        }
        return bookRequestedSeats(bookingId, passengerCount, requestedSeats);
    }

    private Decision bookAnySeats(UUID bookingId, int passengerCount) {
        if (availableSeats < passengerCount) {
            return new Decision.Rejected(bookingId, Rejection.SOLD_OUT, List.of());
        }
        List<Seat> seats = new ArrayList<>(SeatAssignment.choose(layout, bookedColumnsByRow, passengerCount));
        seats.sort(null);
        hold(bookingId, List.copyOf(seats));
        return new Decision.Confirmed(bookingId, labels(seats));
    }

    private Decision bookRequestedSeats(UUID bookingId, int passengerCount, List<String> requestedSeats) {
        Set<String> invalid = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        TreeSet<Seat> seats = new TreeSet<>();
        for (String label : requestedSeats) {
            Optional<Seat> seat = Seat.parse(label).filter(layout::contains);
            if (seat.isEmpty() || !seen.add(label)) {
                invalid.add(label);
            } else {
                seats.add(seat.get());
            }
        }
        if (!invalid.isEmpty()) {
            return new Decision.Rejected(bookingId, Rejection.INVALID_SEAT, nullSafe(invalid));
        }
        if (seats.size() != passengerCount) {
            // No single seat is at fault, so all of them are named.
            return new Decision.Rejected(bookingId, Rejection.INVALID_SEAT, labels(seats));
        }
        List<String> taken =
                seats.stream().filter(this::isBooked).map(Seat::label).toList();
        if (!taken.isEmpty()) {
            return new Decision.Rejected(bookingId, Rejection.SEAT_UNAVAILABLE, taken);
        }
        hold(bookingId, List.copyOf(seats));
        return new Decision.Confirmed(bookingId, labels(seats));
    }

    // A null label is reported as the text "null" rather than lost: the list it goes into cannot hold nulls.
    private static List<String> nullSafe(Collection<String> labels) {
        return labels.stream().map(String::valueOf).toList();
    }

    /** Frees the booking's seats and returns them in {@link Seat} order; empty when it holds none (idempotent). */
    public List<String> cancel(UUID bookingId) {
        List<Seat> seats = seatsByBooking.remove(bookingId);
        if (seats == null) {
            return List.of();
        }
        for (Seat seat : seats) {
            int rowIndex = seat.row() - 1;
            int bit = 1 << layout.columnIndex(seat.column());
            if ((bookedColumnsByRow[rowIndex] & bit) == 0) {
                throw new IllegalStateException("seat " + seat + " of trip " + tripId + " was not booked");
            }
            bookedColumnsByRow[rowIndex] &= ~bit;
        }
        availableSeats += seats.size();
        heldSeats -= seats.size();
        checkInvariants();
        return labels(seats);
    }

    private void hold(UUID bookingId, List<Seat> seats) {
        for (Seat seat : seats) {
            int rowIndex = seat.row() - 1;
            int bit = 1 << layout.columnIndex(seat.column());
            if ((bookedColumnsByRow[rowIndex] & bit) != 0) {
                throw new IllegalStateException("seat " + seat + " of trip " + tripId + " would be sold twice");
            }
            bookedColumnsByRow[rowIndex] |= bit;
        }
        seatsByBooking.put(bookingId, seats);
        availableSeats -= seats.size();
        heldSeats += seats.size();
        checkInvariants();
    }

    // O(rows): cheap enough to run on every change, and a broken count here would be a double sale later.
    private void checkInvariants() {
        if (availableSeats < 0 || availableSeats > layout.capacity()) {
            throw new IllegalStateException(
                    "trip " + tripId + ": available seats " + availableSeats + " outside 0.." + layout.capacity());
        }
        if (heldSeats != layout.capacity() - availableSeats) {
            throw new IllegalStateException("trip " + tripId + ": bookings hold " + heldSeats + " seats but "
                    + (layout.capacity() - availableSeats) + " are counted as taken");
        }
        int bookedBits = 0;
        for (int bookedColumns : bookedColumnsByRow) {
            if ((bookedColumns & ~allColumns) != 0) {
                throw new IllegalStateException("trip " + tripId + ": a seat outside the layout is booked");
            }
            bookedBits += Integer.bitCount(bookedColumns);
        }
        if (bookedBits != heldSeats) {
            throw new IllegalStateException(
                    "trip " + tripId + ": " + bookedBits + " seats marked booked but bookings hold " + heldSeats);
        }
    }

    public boolean holds(UUID bookingId) {
        return seatsByBooking.containsKey(bookingId);
    }

    /** The booking's seats in {@link Seat} order; empty when it holds none. */
    public List<String> seatsOf(UUID bookingId) {
        List<Seat> seats = seatsByBooking.get(bookingId);
        return seats == null ? List.of() : labels(seats);
    }

    /** Whether a live booking holds the seat; a seat outside the layout is never booked. */
    public boolean isBooked(Seat seat) {
        if (!layout.contains(seat)) {
            return false;
        }
        return (bookedColumnsByRow[seat.row() - 1] & (1 << layout.columnIndex(seat.column()))) != 0;
    }

    public boolean isClosed(Instant now) {
        return !now.isBefore(salesCloseAt);
    }

    public int capacity() {
        return layout.capacity();
    }

    public int availableSeats() {
        return availableSeats;
    }

    public int liveBookings() {
        return seatsByBooking.size();
    }

    public UUID tripId() {
        return tripId;
    }

    public SeatLayout layout() {
        return layout;
    }

    public Instant salesCloseAt() {
        return salesCloseAt;
    }

    private static List<String> labels(Collection<Seat> seats) {
        return seats.stream().map(Seat::label).toList();
    }
}
