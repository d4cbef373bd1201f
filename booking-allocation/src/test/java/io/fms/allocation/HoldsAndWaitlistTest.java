package io.fms.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.allocation.Change.Expired;
import io.fms.allocation.Change.LeftWaitlist;
import io.fms.allocation.Change.PassedOver;
import io.fms.allocation.Change.Released;
import io.fms.allocation.Change.Seated;
import io.fms.allocation.Change.WaitlistClosed;
import io.fms.allocation.Decision.Confirmed;
import io.fms.allocation.Decision.Held;
import io.fms.allocation.Decision.Rejected;
import io.fms.allocation.Decision.Waitlisted;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class HoldsAndWaitlistTest {

    private static final Instant DEPARTURE = Instant.parse("2027-06-01T09:30:00Z");
    private static final Instant T0 = DEPARTURE.minus(Duration.ofDays(1));
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private final List<Change> changes = new ArrayList<>();
    private long order;

    private static TripInventory cabin(int rows, String columns) {
        return new TripInventory(UUID.randomUUID(), new SeatLayout(rows, columns), DEPARTURE, Inventories.LIMITS);
    }

    private Decision book(TripInventory trip, UUID id, int passengers, Duration hold, boolean waitlist, Instant at) {
        return trip.book(new SeatRequest(id, passengers, List.of(), hold, waitlist, order++), at, changes);
    }

    @Test
    void aHoldConfirmedByItsDeadlineKeepsItsSeats() {
        TripInventory trip = cabin(2, "AB");
        UUID id = UUID.randomUUID();
        Decision held = book(trip, id, 2, FIVE_MINUTES, false, T0);
        assertThat(held).isEqualTo(new Held(id, List.of("1A", "1B"), T0.plus(FIVE_MINUTES)));
        assertThat(trip.availableSeats()).isEqualTo(2);
        assertThat(trip.nextDeadline()).contains(T0.plus(FIVE_MINUTES));

        // At the deadline itself the payment still wins.
        assertThat(trip.confirm(id, T0.plus(FIVE_MINUTES), changes)).isTrue();
        assertThat(trip.holds(id)).isTrue();
        assertThat(trip.holdExpiresAt(id)).isEmpty();
        assertThat(trip.nextDeadline()).isEmpty();
        assertThat(trip.advanceTo(T0.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(trip.seatsOf(id)).containsExactly("1A", "1B");
        assertThat(trip.confirm(id, T0.plus(Duration.ofHours(1)), changes))
                .as("a repeat")
                .isFalse();
        assertThat(changes).isEmpty();
    }

    @Test
    void aHoldLeftAloneExpiresJustAfterItsDeadlineAndALateConfirmationFindsNothing() {
        TripInventory trip = cabin(1, "AB");
        UUID id = UUID.randomUUID();
        book(trip, id, 1, FIVE_MINUTES, false, T0);
        Instant deadline = T0.plus(FIVE_MINUTES);
        assertThat(trip.advanceTo(deadline)).isEmpty();
        assertThat(trip.advanceTo(deadline.plusMillis(1))).containsExactly(new Expired(id, List.of("1A"), deadline));
        assertThat(trip.availableSeats()).isEqualTo(2);
        assertThat(trip.holds(id)).isFalse();
        assertThat(trip.confirm(id, deadline.plusSeconds(1), changes)).isFalse();
        assertThat(trip.advanceTo(deadline.plusSeconds(2))).as("ended once").isEmpty();
    }

    @Test
    void aHoldNeverOutlivesDeparture() {
        TripInventory trip = cabin(1, "AB");
        UUID id = UUID.randomUUID();
        Decision held = book(trip, id, 1, Duration.ofMinutes(30), false, DEPARTURE.minusSeconds(60));
        assertThat(((Held) held).expiresAt()).isEqualTo(DEPARTURE);
    }

    @Test
    void cancellingAHoldReleasesItAtOnce() {
        TripInventory trip = cabin(1, "AB");
        UUID id = UUID.randomUUID();
        book(trip, id, 2, FIVE_MINUTES, false, T0);
        assertThat(trip.cancel(id, T0.plusSeconds(10))).containsExactly(new Released(id, List.of("1A", "1B")));
        assertThat(trip.nextDeadline()).isEmpty();
        assertThat(trip.advanceTo(T0.plus(Duration.ofHours(1))))
                .as("no expiry after a release")
                .isEmpty();
    }

    @Test
    void aSoldOutTripWaitlistsThePartyAndSeatsItInTheDecisionThatFreesSeats() {
        TripInventory trip = cabin(1, "AB");
        UUID first = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        book(trip, first, 2, FIVE_MINUTES, false, T0);
        assertThat(book(trip, waiting, 2, null, true, T0.plusSeconds(1))).isEqualTo(new Waitlisted(waiting, 1));
        assertThat(trip.waitlistPosition(waiting)).contains(1);

        Instant deadline = T0.plus(FIVE_MINUTES);
        assertThat(trip.advanceTo(deadline.plusSeconds(1)))
                .containsExactly(
                        new Expired(first, List.of("1A", "1B"), deadline),
                        new Seated(waiting, List.of("1A", "1B"), null));
        assertThat(trip.waitlistSize()).isZero();
        assertThat(trip.holds(waiting)).isTrue();
    }

    @Test
    void aPromotedPartyThatAskedForAHoldIsHeldFromTheMomentItIsSeated() {
        TripInventory trip = cabin(1, "A");
        UUID first = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        book(trip, first, 1, null, false, T0);
        book(trip, waiting, 1, FIVE_MINUTES, true, T0);
        Instant cancelledAt = T0.plusSeconds(100);
        assertThat(trip.cancel(first, cancelledAt))
                .containsExactly(
                        new Released(first, List.of("1A")),
                        new Seated(waiting, List.of("1A"), cancelledAt.plus(FIVE_MINUTES)));
        assertThat(trip.holdExpiresAt(waiting)).contains(cancelledAt.plus(FIVE_MINUTES));
    }

    @Test
    void theEarliestPartyThatFitsIsSeatedAndALargePartyIsPassedOverAtMostThreeTimes() {
        TripInventory trip = cabin(2, "ABCD");
        List<UUID> singles = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID id = UUID.randomUUID();
            singles.add(id);
            book(trip, id, 1, null, false, T0);
        }
        UUID family = UUID.randomUUID();
        assertThat(book(trip, family, 4, null, true, T0)).isEqualTo(new Waitlisted(family, 1));
        List<UUID> laterSingles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            laterSingles.add(id);
            assertThat(book(trip, id, 1, null, true, T0)).isEqualTo(new Waitlisted(id, i + 2));
        }
        // Three single seats free one at a time: each goes to the next single, passing the family over.
        for (int i = 0; i < 3; i++) {
            List<Change> freed = trip.cancel(singles.get(i), T0.plusSeconds(i + 1));
            assertThat(freed).contains(new PassedOver(family, i + 1));
            UUID next = laterSingles.get(i);
            assertThat(freed)
                    .anyMatch(change -> change instanceof Seated seated
                            && seated.bookingId().equals(next));
        }
        // Now the family has been passed over three times: freed seats are kept for it.
        List<Change> fourth = trip.cancel(singles.get(3), T0.plusSeconds(10));
        assertThat(fourth).noneMatch(Seated.class::isInstance);
        assertThat(trip.availableSeats()).as("kept for the family").isZero();
        assertThat(trip.freeSeats()).isEqualTo(1);
        assertThat(book(trip, UUID.randomUUID(), 1, null, false, T0.plusSeconds(11)))
                .isInstanceOf(Rejected.class);
        trip.cancel(singles.get(4), T0.plusSeconds(12));
        trip.cancel(singles.get(5), T0.plusSeconds(13));
        List<Change> seated = trip.cancel(singles.get(6), T0.plusSeconds(14));
        assertThat(seated)
                .anyMatch(change -> change instanceof Seated s && s.bookingId().equals(family));
        assertThat(trip.seatsOf(family)).hasSize(4);
        assertThat(trip.waitlistPosition(laterSingles.get(3))).contains(1);
    }

    @Test
    void aFullWaitlistRefusesTheNextParty() {
        TripInventory trip =
                new TripInventory(UUID.randomUUID(), new SeatLayout(1, "A"), DEPARTURE, new WaitlistLimits(2, 3));
        book(trip, UUID.randomUUID(), 1, null, false, T0);
        book(trip, UUID.randomUUID(), 1, null, true, T0);
        book(trip, UUID.randomUUID(), 1, null, true, T0);
        UUID third = UUID.randomUUID();
        assertThat(book(trip, third, 1, null, true, T0))
                .isEqualTo(new Rejected(third, Rejection.WAITLIST_FULL, List.of()));
        assertThat(trip.waitlistSize()).isEqualTo(2);
    }

    @Test
    void leavingTheWaitlistAndDepartureEndWaiting() {
        TripInventory trip = cabin(1, "A");
        book(trip, UUID.randomUUID(), 1, null, false, T0);
        UUID leaving = UUID.randomUUID();
        UUID staying = UUID.randomUUID();
        book(trip, leaving, 1, null, true, T0);
        book(trip, staying, 1, null, true, T0);
        assertThat(trip.cancel(leaving, T0.plusSeconds(1))).containsExactly(new LeftWaitlist(leaving));
        assertThat(trip.waitlistPosition(staying)).contains(1);
        assertThat(trip.nextDeadline()).contains(DEPARTURE);
        assertThat(trip.advanceTo(DEPARTURE)).containsExactly(new WaitlistClosed(staying));
        assertThat(trip.hasTimers()).isFalse();
    }

    @Test
    void aRedeliveredRequestGetsItsDecisionAgain() {
        TripInventory trip = cabin(1, "A");
        UUID held = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        Decision first = book(trip, held, 1, FIVE_MINUTES, false, T0);
        Decision queued = book(trip, waiting, 1, null, true, T0);
        assertThat(book(trip, held, 1, FIVE_MINUTES, false, T0.plusSeconds(1))).isEqualTo(first);
        assertThat(book(trip, waiting, 1, null, true, T0.plusSeconds(1))).isEqualTo(queued);
        assertThat(book(trip, UUID.randomUUID(), 1, null, false, T0.plusSeconds(2)))
                .isInstanceOf(Rejected.class);
        assertThat(trip.confirm(held, T0.plusSeconds(3), changes)).isTrue();
        assertThat(book(trip, held, 1, FIVE_MINUTES, false, T0.plusSeconds(4)))
                .isEqualTo(new Confirmed(held, List.of("1A")));
    }

    @Test
    void restoredHoldsAndWaitingPartiesCarryOnAsIfNeverUnloaded() {
        TripInventory trip = cabin(1, "AB");
        UUID held = UUID.randomUUID();
        UUID waiting = UUID.randomUUID();
        trip.restoreHold(held, List.of("1A", "1B"), T0.plusSeconds(60));
        trip.restoreWaiting(waiting, 2, null, 17, 1);
        assertThat(trip.hasTimers()).isTrue();
        assertThat(trip.advanceTo(T0.plusSeconds(61)))
                .containsExactly(
                        new Expired(held, List.of("1A", "1B"), T0.plusSeconds(60)),
                        new Seated(waiting, List.of("1A", "1B"), null));
    }
}
