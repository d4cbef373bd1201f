package io.fms.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.allocation.Decision.Confirmed;
import io.fms.allocation.Decision.Rejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Throws random sequences of bookings (auto-assigned and explicit, valid and not, some for seats already taken, some
 * after sales close, some replayed) and cancellations at {@link TripInventory} on random layouts, and after every
 * step compares the decision and the whole state with {@link ReferenceModel}.
 *
 * <p>A failure names the scenario (layout and every step with its decision so far) in the assertion message, and jqwik
 * prints the seed of the run. To replay it, put the seed in the property, e.g. {@code @Property(seed =
 * "-1234567890")}, and run the test again; jqwik also retries the last failing sample first by itself
 * (.jqwik-database, not committed).
 */
class TripInventoryPropertyTest {

    private static final Instant SALES_CLOSE_AT = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant WHILE_OPEN = SALES_CLOSE_AT.minusSeconds(1);
    // Few enough bookings that the same ones come back: replays, cancelling twice, re-booking after cancelling.
    private static final int BOOKING_POOL = 12;
    private static final int STEPS_MAX = 60;
    private static final String DECISIONS = "decisions";

    sealed interface Step {}

    record AutoBooking(int booking, int passengers, boolean afterClose) implements Step {
        @Override
        public String toString() {
            return "book #" + booking + " " + passengers + " passenger(s), any seats" + (afterClose ? ", closed" : "");
        }
    }

    record ExplicitBooking(int booking, int passengers, List<String> seats, boolean afterClose) implements Step {
        @Override
        public String toString() {
            return "book #" + booking + " " + passengers + " passenger(s), seats " + seats
                    + (afterClose ? ", closed" : "");
        }
    }

    record Cancellation(int booking) implements Step {
        @Override
        public String toString() {
            return "cancel #" + booking;
        }
    }

    record Scenario(SeatLayout layout, List<Step> steps) {
        @Override
        public String toString() {
            return describe(layout) + ", steps " + steps;
        }
    }

    static String describe(SeatLayout layout) {
        return "layout " + layout.rows() + " x " + layout.columns();
    }

    /** A layout, the seats already booked on it (one booking each) and the size of the next party. */
    record Cabin(SeatLayout layout, List<String> booked, int partySize) {}

    private enum Mangling {
        NONE,
        ADD_INVALID_LABEL,
        REPEAT_A_SEAT
    }

    @Property(tries = 1000)
    void inventoryAgreesWithTheReferenceModelAfterEveryStep(@ForAll("scenarios") Scenario scenario) {
        TripInventory inventory =
                new TripInventory(UUID.randomUUID(), scenario.layout(), SALES_CLOSE_AT, Inventories.LIMITS);
        ReferenceModel model = new ReferenceModel(scenario.layout());
        StringBuilder transcript = new StringBuilder(describe(scenario.layout())).append(", steps and decisions:");
        Supplier<String> description = () -> transcript.toString();

        for (Step step : scenario.steps()) {
            transcript.append("\n  ").append(step).append(" -> ");
            Map<String, UUID> before = holders(inventory);
            switch (step) {
                case AutoBooking auto -> {
                    Instant now = auto.afterClose() ? SALES_CLOSE_AT : WHILE_OPEN;
                    Decision decision = inventory.book(bookingId(auto.booking()), auto.passengers(), List.of(), now);
                    transcript.append(decision);
                    Statistics.label(DECISIONS).collect(kind(decision, before, "auto"));
                    checkAutoBooking(scenario.layout(), model, auto, decision, description);
                    checkUnchangedUnlessNewlyConfirmed(inventory, before, decision, description);
                }
                case ExplicitBooking explicit -> {
                    Instant now = explicit.afterClose() ? SALES_CLOSE_AT.plusSeconds(1) : WHILE_OPEN;
                    UUID bookingId = bookingId(explicit.booking());
                    Decision decision = inventory.book(bookingId, explicit.passengers(), explicit.seats(), now);
                    transcript.append(decision);
                    Statistics.label(DECISIONS).collect(kind(decision, before, "explicit"));
                    Decision expected = expectedUnlessNew(model, bookingId, explicit.afterClose());
                    if (expected == null) {
                        expected = model.expectedForExplicitSeats(bookingId, explicit.passengers(), explicit.seats());
                        if (expected instanceof Confirmed confirmed) {
                            model.hold(bookingId, confirmed.seats());
                        }
                    }
                    assertThat(decision).as(description).isEqualTo(expected);
                    checkUnchangedUnlessNewlyConfirmed(inventory, before, decision, description);
                }
                case Cancellation cancellation -> {
                    UUID bookingId = bookingId(cancellation.booking());
                    List<String> released = Inventories.cancel(inventory, bookingId, WHILE_OPEN);
                    transcript.append(released);
                    Statistics.label(DECISIONS).collect(released.isEmpty() ? "cancelled nothing" : "cancelled");
                    assertThat(released).as(description).isEqualTo(model.cancel(bookingId));
                    // Exactly the booking's seats are freed: every other seat keeps its holder.
                    Map<String, UUID> expectedAfter = new HashMap<>(before);
                    released.forEach(expectedAfter::remove);
                    assertThat(holders(inventory)).as(description).isEqualTo(expectedAfter);
                }
            }
            checkSameState(inventory, model, description);
        }
        // Guards the generators: a property that never reaches a branch proves nothing about it.
        Statistics.label(DECISIONS).coverage(coverage -> {
            for (String kind : List.of(
                    "confirmed auto",
                    "confirmed explicit",
                    "replayed",
                    "SOLD_OUT",
                    "SEAT_UNAVAILABLE",
                    "INVALID_SEAT",
                    "TRIP_CLOSED",
                    "cancelled",
                    "cancelled nothing")) {
                coverage.check(kind).percentage(percent -> percent > 0.5);
            }
        });
    }

    private static String kind(Decision decision, Map<String, UUID> before, String request) {
        if (decision instanceof Rejected rejected) {
            return rejected.reason().name();
        }
        return before.containsValue(decision.bookingId()) ? "replayed" : "confirmed " + request;
    }

    /** The decision for a replay or a closed trip, or null when the request is new and must be decided. */
    private static Decision expectedUnlessNew(ReferenceModel model, UUID bookingId, boolean afterClose) {
        List<String> held = model.seatsOf(bookingId);
        if (!held.isEmpty()) {
            return new Confirmed(bookingId, held);
        }
        if (afterClose) {
            return new Rejected(bookingId, Rejection.TRIP_CLOSED, List.of());
        }
        return null;
    }

    private static void checkAutoBooking(
            SeatLayout layout,
            ReferenceModel model,
            AutoBooking auto,
            Decision decision,
            Supplier<String> description) {
        UUID bookingId = bookingId(auto.booking());
        Decision expected = expectedUnlessNew(model, bookingId, auto.afterClose());
        if (expected == null && model.freeSeats() < auto.passengers()) {
            expected = new Rejected(bookingId, Rejection.SOLD_OUT, List.of());
        }
        if (expected != null) {
            assertThat(decision).as(description).isEqualTo(expected);
            return;
        }
        assertThat(decision).as(description).isInstanceOf(Confirmed.class);
        List<String> seats = ((Confirmed) decision).seats();
        assertThat(seats).as(description).hasSize(auto.passengers()).doesNotHaveDuplicates();
        assertThat(seats).as(description).isSortedAccordingTo(ReferenceModel.SEAT_ORDER);
        assertThat(seats).as(description).allMatch(model::isFree);

        List<String> block = model.firstAdjacentFreeBlock(auto.passengers());
        if (!block.isEmpty()) {
            model.hold(bookingId, seats);
            assertThat(seats).as(description).isEqualTo(ReferenceModel.sorted(block));
            return;
        }
        // Spread over the fewest rows, front-most first; every row but the last of them is used up entirely, and in
        // the last one the seats span as few columns as they can.
        int[] closestRows = model.closestRows(auto.passengers());
        int lastRow = closestRows[1];
        List<String> inLastRow = seats.stream()
                .filter(label -> ReferenceModel.rowOf(label) == lastRow)
                .toList();
        assertThat(inLastRow).as(description).isNotEmpty();
        int tightestSpan = model.tightestSpan(lastRow, inLastRow.size());
        model.hold(bookingId, seats);
        assertThat(seats)
                .as(description)
                .allMatch(label ->
                        ReferenceModel.rowOf(label) >= closestRows[0] && ReferenceModel.rowOf(label) <= lastRow);
        for (int row = closestRows[0]; row < lastRow; row++) {
            assertThat(model.freeSeatsInRow(row)).as(description).isZero();
        }
        List<Integer> lastRowColumns = inLastRow.stream()
                .map(label -> layout.columnIndex(label.charAt(label.length() - 1)))
                .sorted()
                .toList();
        assertThat(lastRowColumns.get(lastRowColumns.size() - 1) - lastRowColumns.get(0))
                .as(description)
                .isEqualTo(tightestSpan);
    }

    /** Seat label to holding booking, as the inventory reports it for the bookings of the pool. */
    private static Map<String, UUID> holders(TripInventory inventory) {
        Map<String, UUID> holders = new HashMap<>();
        for (int booking = 0; booking < BOOKING_POOL; booking++) {
            UUID bookingId = bookingId(booking);
            inventory.seatsOf(bookingId).forEach(seat -> holders.put(seat, bookingId));
        }
        return holders;
    }

    /** A rejection or a replay leaves every seat as it was; a new confirmation adds exactly its own seats. */
    private static void checkUnchangedUnlessNewlyConfirmed(
            TripInventory inventory, Map<String, UUID> before, Decision decision, Supplier<String> description) {
        Map<String, UUID> expectedAfter = new HashMap<>(before);
        if (decision instanceof Confirmed confirmed && !before.containsValue(confirmed.bookingId())) {
            for (String seat : confirmed.seats()) {
                assertThat(expectedAfter.put(seat, confirmed.bookingId()))
                        .as(description)
                        .isNull();
            }
        }
        assertThat(holders(inventory)).as(description).isEqualTo(expectedAfter);
    }

    private static void checkSameState(TripInventory inventory, ReferenceModel model, Supplier<String> description) {
        List<String> bookedSeats = inventory.layout().allSeats().stream()
                .filter(inventory::isBooked)
                .map(Seat::label)
                .toList();
        assertThat(bookedSeats)
                .as(description)
                .containsExactlyInAnyOrderElementsOf(model.holders().keySet());

        List<String> heldByBookings = new ArrayList<>();
        for (int booking = 0; booking < BOOKING_POOL; booking++) {
            UUID bookingId = bookingId(booking);
            List<String> seats = inventory.seatsOf(bookingId);
            assertThat(seats).as(description).isEqualTo(model.seatsOf(bookingId));
            assertThat(inventory.holds(bookingId)).as(description).isEqualTo(!seats.isEmpty());
            heldByBookings.addAll(seats);
        }
        Set<String> distinctHeld = new HashSet<>(heldByBookings);
        assertThat(distinctHeld).as(description).hasSameSizeAs(heldByBookings);
        assertThat(inventory.availableSeats()).as(description).isEqualTo(inventory.capacity() - heldByBookings.size());
        assertThat(inventory.liveBookings()).as(description).isEqualTo(model.liveBookings());
    }

    @Property(tries = 1000)
    void partyGetsAdjacentSeatsInOneRowWhenSomeRowHasThem(@ForAll("partlyBookedCabins") Cabin cabin) {
        SeatLayout layout = cabin.layout();
        int partySize = cabin.partySize();
        TripInventory inventory = new TripInventory(UUID.randomUUID(), layout, SALES_CLOSE_AT, Inventories.LIMITS);
        for (String seat : cabin.booked()) {
            inventory.restore(UUID.randomUUID(), List.of(seat));
        }
        boolean someRowHasRoom = IntStream.rangeClosed(1, layout.rows())
                .anyMatch(row -> hasAdjacentFreeSeats(inventory, row, partySize));
        Statistics.label("some row has room").collect(someRowHasRoom);
        Statistics.label("some row has room")
                .coverage(coverage -> coverage.check(true).percentage(percent -> percent > 50));
        if (!someRowHasRoom) {
            return;
        }

        Decision decision = inventory.book(UUID.randomUUID(), partySize, List.of(), WHILE_OPEN);

        String description = cabin + " -> " + decision;
        assertThat(decision).as(description).isInstanceOf(Confirmed.class);
        List<Seat> seats = ((Confirmed) decision)
                .seats().stream().map(TripInventoryPropertyTest::seat).toList();
        assertThat(seats).as(description).hasSize(partySize);
        assertThat(seats)
                .as(description)
                .extracting(Seat::row)
                .containsOnly(seats.get(0).row());
        List<Integer> columns = seats.stream()
                .map(seat -> layout.columnIndex(seat.column()))
                .sorted()
                .toList();
        assertThat(columns.get(columns.size() - 1) - columns.get(0))
                .as(description)
                .isEqualTo(partySize - 1);
    }

    private static boolean hasAdjacentFreeSeats(TripInventory inventory, int row, int count) {
        int run = 0;
        for (int column = 0; column < inventory.layout().columnCount(); column++) {
            boolean free = !inventory.isBooked(inventory.layout().seatAt(row, column));
            run = free ? run + 1 : 0;
            if (run >= count) {
                return true;
            }
        }
        return false;
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return layouts(8)
                .flatMap(layout -> steps(layout)
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(STEPS_MAX)
                        .withSizeDistribution(RandomDistribution.uniform())
                        .map(steps -> new Scenario(layout, steps)));
    }

    @Provide
    Arbitrary<Cabin> partlyBookedCabins() {
        return layouts(20).flatMap(layout -> {
            Arbitrary<Integer> partySize = Arbitraries.integers().between(1, layout.columnCount());
            Arbitrary<List<String>> booked = Arbitraries.integers()
                    .between(1, 60)
                    .flatMap(bookedPercent -> Arbitraries.frequency(
                                    Tuple.of(bookedPercent, true), Tuple.of(100 - bookedPercent, false))
                            .list()
                            .ofSize(layout.capacity())
                            .map(bookedFlags -> bookedLabels(layout, bookedFlags)));
            return Combinators.combine(booked, partySize).as((seats, size) -> new Cabin(layout, seats, size));
        });
    }

    private static List<String> bookedLabels(SeatLayout layout, List<Boolean> bookedFlags) {
        List<Seat> seats = layout.allSeats();
        return IntStream.range(0, seats.size())
                .filter(bookedFlags::get)
                .mapToObj(index -> seats.get(index).label())
                .toList();
    }

    private static Arbitrary<SeatLayout> layouts(int rowsMax) {
        Arbitrary<Integer> rows = Arbitraries.integers().between(1, rowsMax);
        // Any distinct letters, skipped ones included: adjacency follows the layout's positions, not the alphabet.
        Arbitrary<String> columns = Arbitraries.chars()
                .range('A', 'Z')
                .list()
                .uniqueElements()
                .ofMinSize(1)
                .ofMaxSize(SeatLayout.COLUMNS_MAX)
                .map(letters -> letters.stream().sorted().map(String::valueOf).collect(Collectors.joining()));
        return Combinators.combine(rows, columns).as(SeatLayout::new);
    }

    private static Arbitrary<Step> steps(SeatLayout layout) {
        Arbitrary<Integer> booking = Arbitraries.integers().between(0, BOOKING_POOL - 1);
        Arbitrary<Boolean> afterClose = Arbitraries.frequency(Tuple.of(19, false), Tuple.of(1, true));
        Arbitrary<Step> auto = Combinators.combine(
                        booking, Arbitraries.integers().between(1, 9), afterClose)
                .as(AutoBooking::new);
        Arbitrary<Integer> passengerCountError =
                Arbitraries.frequency(Tuple.of(12, 0), Tuple.of(1, -1), Tuple.of(1, 1));
        Arbitrary<Step> explicit = Combinators.combine(booking, requestedSeats(layout), passengerCountError, afterClose)
                .as((bookingIndex, seats, error, closed) ->
                        new ExplicitBooking(bookingIndex, Math.max(1, seats.size() + error), seats, closed));
        Arbitrary<Step> cancel = booking.map(Cancellation::new);
        return Arbitraries.frequencyOf(Tuple.of(4, auto), Tuple.of(4, explicit), Tuple.of(2, cancel));
    }

    private static Arbitrary<List<String>> requestedSeats(SeatLayout layout) {
        List<String> labels = layout.allSeats().stream().map(Seat::label).toList();
        int pickMax = Math.min(6, labels.size());
        Arbitrary<List<String>> validPick = Arbitraries.shuffle(labels)
                .flatMap(shuffled -> Arbitraries.integers()
                        .between(1, pickMax)
                        .map(count -> List.copyOf(shuffled.subList(0, count))));
        Arbitrary<Mangling> mangling = Arbitraries.frequency(
                Tuple.of(10, Mangling.NONE),
                Tuple.of(1, Mangling.ADD_INVALID_LABEL),
                Tuple.of(1, Mangling.REPEAT_A_SEAT));
        return Combinators.combine(validPick, mangling, invalidLabels(layout)).as((seats, how, invalid) -> {
            List<String> requested = new ArrayList<>(seats);
            switch (how) {
                case NONE -> {}
                case ADD_INVALID_LABEL -> requested.add(requested.size() / 2, invalid);
                case REPEAT_A_SEAT -> requested.add(requested.get(requested.size() - 1));
            }
            return List.copyOf(requested);
        });
    }

    private static Arbitrary<String> invalidLabels(SeatLayout layout) {
        char absentColumn = (char) IntStream.rangeClosed('A', 'Z')
                .filter(letter -> layout.columnIndex((char) letter) < 0)
                .findFirst()
                .orElseThrow();
        char firstColumn = layout.columns().charAt(0);
        return Arbitraries.of(
                "",
                "0" + firstColumn,
                "01" + firstColumn,
                "1" + Character.toLowerCase(firstColumn),
                " 1" + firstColumn,
                firstColumn + "1",
                (layout.rows() + 1) + String.valueOf(firstColumn),
                "1" + absentColumn);
    }

    private static UUID bookingId(int booking) {
        return new UUID(0xF1A5L, booking);
    }

    private static Seat seat(String label) {
        return Seat.parse(label).orElseThrow(() -> new AssertionError("not a seat label: " + label));
    }
}
