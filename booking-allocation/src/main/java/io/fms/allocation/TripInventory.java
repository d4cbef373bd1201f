package io.fms.allocation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The seats of one trip, the live bookings that hold them (held while the traveller pays, or confirmed), and the
 * parties waiting for seats.
 *
 * <p>Time is whatever the caller says it is: every operation takes {@code now}, and the processor passes the log's own
 * time, so a replay of the same commands decides the same. Before anything else an operation lets time pass
 * ({@link #advanceTo}): holds whose deadline is before {@code now} expire, freed seats go to waiting parties, and
 * once sales close the waiting parties are turned away.
 *
 * <p>Waiting parties are seated earliest first, each as soon as enough seats are free, in the same operation that
 * freed them. A party that does not fit is passed over when another party is seated before it; once passed over
 * {@link WaitlistLimits#passOversMax()} times it is passed over no more: free seats are kept for it (they count as
 * unavailable to everyone else) until it fits or leaves.
 *
 * <p>Not thread-safe by design: the consumer thread of the trip's partition is its only reader and writer, which is
 * what lets allocation run without locks: one writer per piece of state.
 */
public final class TripInventory {

    private final UUID tripId;
    private final SeatLayout layout;
    private final Instant salesCloseAt;
    private final WaitlistLimits limits;
    private final int allColumns;
    // Bit i of entry r is set when the seat in row r + 1 at column position i is taken: a row is one int.
    private final int[] bookedColumnsByRow;
    // Live bookings (held or confirmed) and their seats.
    private final Map<UUID, List<Seat>> seatsByBooking = new HashMap<>();
    private final Map<UUID, Instant> holdDeadlines = new HashMap<>();
    private final TreeSet<HoldDeadline> holdsByDeadline = new TreeSet<>();
    // Waiting parties by their place in the log.
    private final TreeMap<Long, WaitingParty> waitlist = new TreeMap<>();
    private final Map<UUID, Long> waitlistOrders = new HashMap<>();
    private int availableSeats;
    private int heldSeats;

    private record HoldDeadline(Instant at, UUID bookingId) implements Comparable<HoldDeadline> {
        private static final Comparator<HoldDeadline> ORDER =
                Comparator.comparing(HoldDeadline::at).thenComparing(HoldDeadline::bookingId);

        @Override
        public int compareTo(HoldDeadline other) {
            return ORDER.compare(this, other);
        }
    }

    private record WaitingParty(UUID bookingId, int passengers, Duration hold, long order, int passOvers) {
        WaitingParty passedOver() {
            return new WaitingParty(bookingId, passengers, hold, order, passOvers + 1);
        }
    }

    public TripInventory(UUID tripId, SeatLayout layout, Instant salesCloseAt, WaitlistLimits limits) {
        this.tripId = Objects.requireNonNull(tripId, "tripId");
        this.layout = Objects.requireNonNull(layout, "layout");
        this.salesCloseAt = Objects.requireNonNull(salesCloseAt, "salesCloseAt");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.allColumns = SeatAssignment.allColumnsMask(layout.columnCount());
        this.bookedColumnsByRow = new int[layout.rows()];
        this.availableSeats = layout.capacity();
        checkInvariants();
    }

    /**
     * Loads a confirmed booking read back from the database. Throws {@link IllegalStateException} when a seat is
     * invalid or already taken, or the booking is loaded twice: such data means a double sale or corruption, and
     * serving from it would only spread the damage.
     */
    public void restore(UUID bookingId, Collection<String> seatLabels) {
        take(bookingId, restoredSeats(bookingId, seatLabels));
    }

    /** Loads a held booking read back from the database, with its deadline; refused as {@link #restore} refuses. */
    public void restoreHold(UUID bookingId, Collection<String> seatLabels, Instant expiresAt) {
        Objects.requireNonNull(expiresAt, "expiresAt");
        take(bookingId, restoredSeats(bookingId, seatLabels));
        startHold(bookingId, expiresAt);
    }

    /** Loads a waiting party read back from the database; {@code order} is its place in the log. */
    public void restoreWaiting(UUID bookingId, int passengers, Duration hold, long order, int passOvers) {
        Objects.requireNonNull(bookingId, "bookingId");
        if (isKnown(bookingId) || waitlist.containsKey(order)) {
            throw new IllegalStateException("waiting party " + bookingId + " restored twice on trip " + tripId);
        }
        if (passengers < 1 || passOvers < 0) {
            throw new IllegalStateException("waiting party " + bookingId + " of " + passengers + " passed over "
                    + passOvers + " times on trip " + tripId);
        }
        join(new WaitingParty(bookingId, passengers, hold, order, passOvers));
    }

    private List<Seat> restoredSeats(UUID bookingId, Collection<String> seatLabels) {
        Objects.requireNonNull(bookingId, "bookingId");
        if (isKnown(bookingId)) {
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
        return List.copyOf(seats);
    }

    /** Decides a request that neither holds nor waits: confirmed or refused. */
    public Decision book(UUID bookingId, int passengerCount, List<String> requestedSeats, Instant now) {
        return book(SeatRequest.confirmNow(bookingId, passengerCount, requestedSeats), now, new ArrayList<>());
    }

    /**
     * Decides a booking request at {@code now}, after letting time pass (whose changes go to {@code changes}).
     * Explicit seats are all or nothing; without them one seat per passenger is chosen by {@link SeatAssignment}. A
     * booking the trip already knows (live or waiting) gets its decision again, so a redelivered command is
     * harmless. A rejection changes nothing.
     *
     * <p>Only live and waiting bookings are remembered: a booking that was rejected, expired or cancelled holds
     * nothing, so a redelivered request for it would be decided afresh. Keeping every decided ID here would grow
     * without limit at peak; the processor's decisions table is where such a redelivery has to be recognised.
     */
    public Decision book(SeatRequest request, Instant now, List<Change> changes) {
        Objects.requireNonNull(now, "now");
        changes.addAll(advanceTo(now));
        UUID bookingId = request.bookingId();
        Optional<Decision> known = decisionOf(bookingId);
        if (known.isPresent()) {
            return known.get();
        }
        if (isClosed(now)) {
            return new Decision.Rejected(bookingId, Rejection.TRIP_CLOSED, List.of());
        }
        Decision decision = request.seats().isEmpty()
                ? bookAnySeats(request, now)
                : bookRequestedSeats(bookingId, request.passengers(), request.seats(), request.hold(), now);
        if (decision instanceof Decision.Held || decision instanceof Decision.Confirmed) {
            // Seated ahead of every waiting party, none of which fit (or it would have been seated already).
            passOverEveryoneBefore(Long.MAX_VALUE, changes);
        }
        return decision;
    }

    private Optional<Decision> decisionOf(UUID bookingId) {
        List<Seat> seats = seatsByBooking.get(bookingId);
        if (seats != null) {
            Instant deadline = holdDeadlines.get(bookingId);
            return Optional.of(
                    deadline != null
                            ? new Decision.Held(bookingId, labels(seats), deadline)
                            : new Decision.Confirmed(bookingId, labels(seats)));
        }
        Long order = waitlistOrders.get(bookingId);
        if (order != null) {
            return Optional.of(new Decision.Waitlisted(bookingId, positionOf(order)));
        }
        return Optional.empty();
    }

    private Decision bookAnySeats(SeatRequest request, Instant now) {
        UUID bookingId = request.bookingId();
        if (seatsForNewcomers() < request.passengers()) {
            if (!request.waitlist() || request.passengers() > layout.capacity()) {
                // A party larger than the cabin would wait for ever.
                return new Decision.Rejected(bookingId, Rejection.SOLD_OUT, List.of());
            }
            if (waitlist.size() >= limits.partiesMax()) {
                return new Decision.Rejected(bookingId, Rejection.WAITLIST_FULL, List.of());
            }
            if (waitlist.containsKey(request.order())) {
                throw new IllegalStateException("two waiting parties at order " + request.order() + " on " + tripId);
            }
            join(new WaitingParty(bookingId, request.passengers(), request.hold(), request.order(), 0));
            return new Decision.Waitlisted(bookingId, waitlist.size());
        }
        return seat(bookingId, chooseSeats(request.passengers()), request.hold(), now);
    }

    private List<Seat> chooseSeats(int passengers) {
        List<Seat> seats = new ArrayList<>(SeatAssignment.choose(layout, bookedColumnsByRow, passengers));
        seats.sort(null);
        return List.copyOf(seats);
    }

    private Decision bookRequestedSeats(
            UUID bookingId, int passengerCount, List<String> requestedSeats, Duration hold, Instant now) {
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
        boolean keptForWaitingParty = seatsAreKept();
        List<String> taken = seats.stream()
                .filter(seat -> keptForWaitingParty || isBooked(seat))
                .map(Seat::label)
                .toList();
        if (!taken.isEmpty()) {
            return new Decision.Rejected(bookingId, Rejection.SEAT_UNAVAILABLE, taken);
        }
        return seat(bookingId, List.copyOf(seats), hold, now);
    }

    // A null label is reported as the text "null" rather than lost: the list it goes into cannot hold nulls.
    private static List<String> nullSafe(Collection<String> labels) {
        return labels.stream().map(String::valueOf).toList();
    }

    private Decision seat(UUID bookingId, List<Seat> seats, Duration hold, Instant now) {
        take(bookingId, seats);
        if (hold == null) {
            return new Decision.Confirmed(bookingId, labels(seats));
        }
        Instant deadline = holdDeadline(now, hold);
        startHold(bookingId, deadline);
        return new Decision.Held(bookingId, labels(seats), deadline);
    }

    /** A hold lasts its length from now, but never past departure. */
    private Instant holdDeadline(Instant now, Duration hold) {
        Instant deadline = now.plus(hold);
        return deadline.isAfter(salesCloseAt) ? salesCloseAt : deadline;
    }

    /**
     * Lets time pass up to {@code now}: every hold whose deadline is before {@code now} expires (a confirmation at
     * the deadline itself still wins), its seats going to waiting parties at once; once sales have closed, the
     * waiting parties are turned away. Idempotent for the same {@code now}; time never runs backwards here, since
     * the log's own time only grows.
     */
    public List<Change> advanceTo(Instant now) {
        Objects.requireNonNull(now, "now");
        List<Change> changes = new ArrayList<>();
        while (!holdsByDeadline.isEmpty() && holdsByDeadline.first().at().isBefore(now)) {
            HoldDeadline due = holdsByDeadline.pollFirst();
            holdDeadlines.remove(due.bookingId());
            changes.add(new Change.Expired(due.bookingId(), release(due.bookingId()), due.at()));
            seatWaitingParties(now, changes);
        }
        if (isClosed(now) && !waitlist.isEmpty()) {
            for (WaitingParty party : waitlist.values()) {
                changes.add(new Change.WaitlistClosed(party.bookingId()));
            }
            waitlist.clear();
            waitlistOrders.clear();
        }
        checkInvariants();
        return changes;
    }

    /**
     * Confirms a held booking at {@code now}, after letting time pass: true when the hold was live, so the booking is
     * now confirmed; false when there was no such hold (it expired, was never held, or is already confirmed). The
     * changes of time passing go to {@code changes}.
     */
    public boolean confirm(UUID bookingId, Instant now, List<Change> changes) {
        changes.addAll(advanceTo(now));
        Instant deadline = holdDeadlines.remove(bookingId);
        if (deadline == null) {
            return false;
        }
        holdsByDeadline.remove(new HoldDeadline(deadline, bookingId));
        return true;
    }

    /**
     * Cancels a booking at {@code now}, after letting time pass: a live one frees its seats (which go to waiting
     * parties at once), a waiting one leaves the list. Returns every change, the cancellation's own first after
     * those of time passing; no cancellation change when the trip knows no such booking (idempotent).
     */
    public List<Change> cancel(UUID bookingId, Instant now) {
        List<Change> changes = advanceTo(now);
        if (seatsByBooking.containsKey(bookingId)) {
            Instant deadline = holdDeadlines.remove(bookingId);
            if (deadline != null) {
                holdsByDeadline.remove(new HoldDeadline(deadline, bookingId));
            }
            changes.add(new Change.Released(bookingId, release(bookingId)));
            seatWaitingParties(now, changes);
        } else if (waitlistOrders.containsKey(bookingId)) {
            waitlist.remove(waitlistOrders.remove(bookingId));
            changes.add(new Change.LeftWaitlist(bookingId));
            // A party that kept seats for itself may have been the one leaving.
            seatWaitingParties(now, changes);
        }
        checkInvariants();
        return changes;
    }

    /**
     * Seats waiting parties, earliest first, while seats are free: each party that fits is seated; one that does not
     * is passed over by every later party seated, and one passed over too often stops the round (the free seats are
     * kept for it).
     */
    private void seatWaitingParties(Instant now, List<Change> changes) {
        if (isClosed(now)) {
            return;
        }
        List<WaitingParty> parties = new ArrayList<>(waitlist.values());
        for (WaitingParty party : parties) {
            WaitingParty current = waitlist.get(party.order());
            if (current.passengers() <= availableSeats) {
                removeFromWaitlist(current);
                List<Seat> seats = chooseSeats(current.passengers());
                take(current.bookingId(), seats);
                Instant deadline = null;
                if (current.hold() != null) {
                    deadline = holdDeadline(now, current.hold());
                    startHold(current.bookingId(), deadline);
                }
                changes.add(new Change.Seated(current.bookingId(), labels(seats), deadline));
                passOverEveryoneBefore(current.order(), changes);
                if (seatsAreKept()) {
                    // An earlier party was just passed over once too often: what is free is now kept for it.
                    return;
                }
            } else if (current.passOvers() >= limits.passOversMax()) {
                return;
            }
        }
    }

    /** Every waiting party earlier than {@code order} saw a party seated before it. */
    private void passOverEveryoneBefore(long order, List<Change> changes) {
        for (WaitingParty party : List.copyOf(waitlist.headMap(order, false).values())) {
            WaitingParty passed = party.passedOver();
            waitlist.put(passed.order(), passed);
            changes.add(new Change.PassedOver(passed.bookingId(), passed.passOvers()));
        }
    }

    private void join(WaitingParty party) {
        waitlist.put(party.order(), party);
        waitlistOrders.put(party.bookingId(), party.order());
    }

    private void removeFromWaitlist(WaitingParty party) {
        waitlist.remove(party.order());
        waitlistOrders.remove(party.bookingId());
    }

    private void startHold(UUID bookingId, Instant deadline) {
        holdDeadlines.put(bookingId, deadline);
        holdsByDeadline.add(new HoldDeadline(deadline, bookingId));
    }

    /** Whether free seats are kept for a waiting party passed over too often: no one else may take them. */
    private boolean seatsAreKept() {
        for (WaitingParty party : waitlist.values()) {
            if (party.passOvers() >= limits.passOversMax()) {
                return true;
            }
        }
        return false;
    }

    private int seatsForNewcomers() {
        return seatsAreKept() ? 0 : availableSeats;
    }

    private List<String> release(UUID bookingId) {
        List<Seat> seats = seatsByBooking.remove(bookingId);
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
        return labels(seats);
    }

    private void take(UUID bookingId, List<Seat> seats) {
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

    // O(rows + waiting parties): cheap enough to run on every change, and a broken count here would be a double sale.
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
        if (holdDeadlines.size() != holdsByDeadline.size()
                || !seatsByBooking.keySet().containsAll(holdDeadlines.keySet())) {
            throw new IllegalStateException("trip " + tripId + ": holds and their deadlines disagree");
        }
        if (waitlistOrders.size() != waitlist.size()) {
            throw new IllegalStateException("trip " + tripId + ": the waitlist and its index disagree");
        }
    }

    private boolean isKnown(UUID bookingId) {
        return seatsByBooking.containsKey(bookingId) || waitlistOrders.containsKey(bookingId);
    }

    private int positionOf(long order) {
        return waitlist.headMap(order, false).size() + 1;
    }

    /** Whether the booking holds seats (held or confirmed). */
    public boolean holds(UUID bookingId) {
        return seatsByBooking.containsKey(bookingId);
    }

    /** The deadline of the booking's live hold, if it has one. */
    public Optional<Instant> holdExpiresAt(UUID bookingId) {
        return Optional.ofNullable(holdDeadlines.get(bookingId));
    }

    /** The waiting party's place (1 = next), if it waits. */
    public Optional<Integer> waitlistPosition(UUID bookingId) {
        Long order = waitlistOrders.get(bookingId);
        return order == null ? Optional.empty() : Optional.of(positionOf(order));
    }

    /** The waiting parties' booking IDs, next first. */
    public List<UUID> waitingParties() {
        return waitlist.values().stream().map(WaitingParty::bookingId).toList();
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

    /** Whether the seat is held (taken while its booking pays); false for a confirmed or free seat. */
    public boolean isHeld(Seat seat) {
        if (!isBooked(seat)) {
            return false;
        }
        for (UUID bookingId : holdDeadlines.keySet()) {
            if (seatsByBooking.get(bookingId).contains(seat)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next moment at which time passing changes something here (a hold's deadline, or departure while parties
     * wait): the trip is to be advanced by the first command after it. Empty when nothing is timed.
     */
    public Optional<Instant> nextDeadline() {
        Instant next =
                holdsByDeadline.isEmpty() ? null : holdsByDeadline.first().at();
        if (!waitlist.isEmpty() && (next == null || salesCloseAt.isBefore(next))) {
            next = salesCloseAt;
        }
        return Optional.ofNullable(next);
    }

    /** Whether the trip has timers (live holds, waiting parties): it must stay in memory with them. */
    public boolean hasTimers() {
        return !holdDeadlines.isEmpty() || !waitlist.isEmpty();
    }

    public boolean isClosed(Instant now) {
        return !now.isBefore(salesCloseAt);
    }

    public int capacity() {
        return layout.capacity();
    }

    /** Seats a new booking could get: free ones, unless they are kept for a waiting party. */
    public int availableSeats() {
        return seatsForNewcomers();
    }

    /** Seats neither held nor confirmed, including any kept for a waiting party. */
    public int freeSeats() {
        return availableSeats;
    }

    public int liveBookings() {
        return seatsByBooking.size();
    }

    public int liveHolds() {
        return holdDeadlines.size();
    }

    public int waitlistSize() {
        return waitlist.size();
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
