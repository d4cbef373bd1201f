package io.fms.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.allocation.Change.Expired;
import io.fms.allocation.Change.LeftWaitlist;
import io.fms.allocation.Change.PassedOver;
import io.fms.allocation.Change.Released;
import io.fms.allocation.Change.Seated;
import io.fms.allocation.Change.WaitlistClosed;
import io.fms.allocation.Decision.Held;
import io.fms.allocation.Decision.Waitlisted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of bookings (some holding, some willing to wait), confirmations, cancellations and time moving
 * forward in random steps, on small cabins so that trips sell out and waitlists form. After every step: no seat in
 * two live bookings, every hold ended at most once (and, once time has run past departure, exactly once), no seat
 * free for newcomers while a waiting party that fits it waits, no party passed over more than the limit, and no
 * waiting party's place growing.
 *
 * <p>jqwik prints the seed of a failing run; {@code @Property(seed = "...")} replays it.
 */
class HoldsAndWaitlistPropertyTest {

    private static final Instant START = Instant.parse("2027-06-01T00:00:00Z");
    private static final Instant DEPARTURE = START.plus(Duration.ofHours(3));
    private static final int PASS_OVERS_MAX = 3;
    private static final int BOOKING_POOL = 16;

    sealed interface Step {}

    record Book(int booking, int passengers, Integer holdSeconds, boolean waitlist, boolean explicitSeat)
            implements Step {}

    record Confirm(int booking) implements Step {}

    record Cancel(int booking) implements Step {}

    record Wait(int seconds) implements Step {}

    record Scenario(int rows, String columns, int waitlistMax, List<Step> steps) {}

    @Property(tries = 500)
    void timersAndTheWaitlistKeepTheirPromises(@ForAll("scenarios") Scenario scenario) {
        SeatLayout layout = new SeatLayout(scenario.rows(), scenario.columns());
        TripInventory trip = new TripInventory(
                UUID.randomUUID(), layout, DEPARTURE, new WaitlistLimits(scenario.waitlistMax(), PASS_OVERS_MAX));
        List<UUID> ids = IntStream.range(0, BOOKING_POOL)
                .mapToObj(i -> UUID.randomUUID())
                .toList();
        Map<UUID, Integer> partySizes = new HashMap<>();
        // Holds started and not yet ended; the pool reuses booking IDs, so one ID can hold again after its hold ended.
        Set<UUID> liveHolds = new HashSet<>();
        Map<UUID, Integer> lastPositions = new HashMap<>();
        StringBuilder transcript = new StringBuilder("layout " + scenario.rows() + " x " + scenario.columns());
        Supplier<String> description = transcript::toString;
        Instant now = START;
        long order = 0;

        for (Step step : scenario.steps()) {
            transcript
                    .append("\n  at +")
                    .append(Duration.between(START, now).toSeconds())
                    .append("s ")
                    .append(step)
                    .append(" -> ");
            List<Change> changes = new ArrayList<>();
            switch (step) {
                case Book book -> {
                    UUID id = ids.get(book.booking());
                    List<String> seats = book.explicitSeat() && !book.waitlist() && book.passengers() == 1
                            ? List.of("1A")
                            : List.of();
                    Duration hold = book.holdSeconds() == null ? null : Duration.ofSeconds(book.holdSeconds());
                    Decision decision = trip.book(
                            new SeatRequest(id, book.passengers(), seats, hold, book.waitlist(), order++),
                            now,
                            changes);
                    transcript.append(decision).append(' ');
                    Statistics.label("decisions").collect(decision.getClass().getSimpleName());
                    if (decision instanceof Held && !liveHolds.contains(id)) {
                        // A new hold (a redelivery of a live one answers the same hold).
                        liveHolds.add(id);
                    }
                    if (decision instanceof Waitlisted waitlisted && !lastPositions.containsKey(id)) {
                        // A new waiting party (a redelivery keeps the party as it first came).
                        partySizes.put(id, book.passengers());
                        lastPositions.put(id, waitlisted.position());
                    }
                }
                case Confirm confirm -> {
                    UUID id = ids.get(confirm.booking());
                    boolean live = trip.holdExpiresAt(id).isPresent()
                            && !trip.holdExpiresAt(id).get().isBefore(now);
                    boolean confirmed = trip.confirm(id, now, changes);
                    transcript.append(confirmed).append(' ');
                    assertThat(confirmed).as(description).isEqualTo(live);
                    if (confirmed) {
                        endHold(liveHolds, id, description);
                    }
                }
                case Cancel cancel -> changes.addAll(trip.cancel(ids.get(cancel.booking()), now));
                case Wait wait -> {
                    now = now.plusSeconds(wait.seconds());
                    changes.addAll(trip.advanceTo(now));
                }
            }
            transcript.append(changes);
            for (Change change : changes) {
                Statistics.label("changes").collect(change.getClass().getSimpleName());
                switch (change) {
                    case Expired expired -> {
                        assertThat(expired.at()).as(description).isBefore(now);
                        endHold(liveHolds, expired.bookingId(), description);
                    }
                    case Released released -> {
                        // A confirmed booking is released too; only a live hold ends here.
                        liveHolds.remove(released.bookingId());
                    }
                    case Seated seated -> {
                        lastPositions.remove(seated.bookingId());
                        if (seated.holdExpiresAt() != null) {
                            assertThat(liveHolds.add(seated.bookingId()))
                                    .as(description)
                                    .isTrue();
                        }
                    }
                    case PassedOver passed ->
                        assertThat(passed.passOvers()).as(description).isLessThanOrEqualTo(PASS_OVERS_MAX);
                    case LeftWaitlist left -> lastPositions.remove(left.bookingId());
                    case WaitlistClosed closed -> lastPositions.remove(closed.bookingId());
                }
            }
            checkState(trip, layout, ids, partySizes, lastPositions, description);
        }
        List<Change> end = trip.advanceTo(DEPARTURE.plusSeconds(1));
        end.stream().filter(Expired.class::isInstance).forEach(c -> endHold(liveHolds, c.bookingId(), description));
        assertThat(liveHolds)
                .as(() -> "holds never ended: " + description.get())
                .isEmpty();
        assertThat(trip.hasTimers()).as(description).isFalse();
        Statistics.label("decisions").coverage(coverage -> {
            for (String kind : List.of("Held", "Confirmed", "Waitlisted", "Rejected")) {
                coverage.check(kind).percentage(percent -> percent > 1);
            }
        });
        Statistics.label("changes").coverage(coverage -> {
            for (String kind : List.of("Expired", "Released", "Seated", "PassedOver", "LeftWaitlist")) {
                coverage.check(kind).percentage(percent -> percent > 0.5);
            }
        });
    }

    private static void endHold(Set<UUID> liveHolds, UUID bookingId, Supplier<String> description) {
        assertThat(liveHolds.remove(bookingId))
                .as(() -> "hold of " + bookingId + " ended but was not live: " + description.get())
                .isTrue();
    }

    private static void checkState(
            TripInventory trip,
            SeatLayout layout,
            List<UUID> ids,
            Map<UUID, Integer> partySizes,
            Map<UUID, Integer> lastPositions,
            Supplier<String> description) {
        Set<String> taken = new HashSet<>();
        for (UUID id : ids) {
            for (String seat : trip.seatsOf(id)) {
                assertThat(taken.add(seat))
                        .as(() -> seat + " in two live bookings: " + description.get())
                        .isTrue();
            }
        }
        assertThat(taken).as(description).hasSize(layout.capacity() - trip.freeSeats());
        List<UUID> waiting = trip.waitingParties();
        if (trip.availableSeats() > 0) {
            // Nothing is kept for anyone, so no waiting party may fit what is free.
            for (UUID party : waiting) {
                assertThat(partySizes.get(party)).as(description).isGreaterThan(trip.freeSeats());
            }
        }
        for (UUID party : waiting) {
            int position = trip.waitlistPosition(party).orElseThrow();
            Integer last = lastPositions.put(party, position);
            assertThat(position).as(description).isLessThanOrEqualTo(last == null ? position : last);
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Step> book = Combinators.combine(
                        Arbitraries.integers().between(0, BOOKING_POOL - 1),
                        Arbitraries.integers().between(1, 4),
                        Arbitraries.integers().between(30, 600).injectNull(0.5),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 9).map(n -> n == 0))
                .as((booking, passengers, hold, waitlist, explicit) ->
                        new Book(booking, passengers, hold, waitlist, explicit && passengers == 1));
        Arbitrary<Step> confirm =
                Arbitraries.integers().between(0, BOOKING_POOL - 1).map(Confirm::new);
        Arbitrary<Step> cancel =
                Arbitraries.integers().between(0, BOOKING_POOL - 1).map(Cancel::new);
        Arbitrary<Step> wait = Arbitraries.integers().between(1, 400).map(Wait::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, book),
                net.jqwik.api.Tuple.of(2, confirm),
                net.jqwik.api.Tuple.of(2, cancel),
                net.jqwik.api.Tuple.of(2, wait));
        return Combinators.combine(
                        Arbitraries.integers().between(1, 3),
                        Arbitraries.of("A", "AB", "ABC", "ABCD"),
                        Arbitraries.integers().between(1, 6),
                        step.list().ofMinSize(5).ofMaxSize(60))
                .as(Scenario::new);
    }
}
