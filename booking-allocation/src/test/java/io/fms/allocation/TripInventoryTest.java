package io.fms.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.fms.allocation.Decision.Confirmed;
import io.fms.allocation.Decision.Rejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TripInventoryTest {

    private static final Instant SALES_CLOSE_AT = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant WHILE_OPEN = SALES_CLOSE_AT.minusSeconds(1);
    private static final Instant BEFORE_CLOSE = SALES_CLOSE_AT.minusSeconds(3600);

    private final TripInventory inventory =
            new TripInventory(UUID.randomUUID(), new SeatLayout(3, "ABCDEF"), SALES_CLOSE_AT, Inventories.LIMITS);

    private Decision book(UUID bookingId, int passengerCount, String... seats) {
        return inventory.book(bookingId, passengerCount, List.of(seats), BEFORE_CLOSE);
    }

    private List<String> confirmedSeats(Decision decision) {
        assertThat(decision).isInstanceOf(Confirmed.class);
        return ((Confirmed) decision).seats();
    }

    private static List<String> allLabels(TripInventory inventory) {
        return inventory.layout().allSeats().stream()
                .filter(inventory::isBooked)
                .map(Seat::label)
                .toList();
    }

    @Test
    void startsEmpty() {
        assertThat(inventory.capacity()).isEqualTo(18);
        assertThat(inventory.availableSeats()).isEqualTo(18);
        assertThat(inventory.liveBookings()).isZero();
        assertThat(inventory.salesCloseAt()).isEqualTo(SALES_CLOSE_AT);
    }

    @Nested
    class ExplicitSeats {

        @Test
        void getsExactlyTheRequestedSeatsSorted() {
            UUID bookingId = UUID.randomUUID();

            Decision decision = book(bookingId, 3, "2C", "1F", "2A");

            assertThat(decision).isEqualTo(new Confirmed(bookingId, List.of("1F", "2A", "2C")));
            assertThat(inventory.seatsOf(bookingId)).containsExactly("1F", "2A", "2C");
            assertThat(inventory.holds(bookingId)).isTrue();
            assertThat(inventory.isBooked(new Seat(1, 'F'))).isTrue();
            assertThat(inventory.isBooked(new Seat(1, 'E'))).isFalse();
            assertThat(inventory.availableSeats()).isEqualTo(15);
            assertThat(inventory.liveBookings()).isEqualTo(1);
        }

        @Test
        void allOrNothing_oneTakenSeatRejectsTheWholeRequest() {
            book(UUID.randomUUID(), 2, "1B", "1D");
            UUID late = UUID.randomUUID();

            Decision decision = book(late, 4, "1D", "1A", "1C", "1B");

            assertThat(decision).isEqualTo(new Rejected(late, Rejection.SEAT_UNAVAILABLE, List.of("1B", "1D")));
            assertThat(inventory.holds(late)).isFalse();
            assertThat(inventory.isBooked(new Seat(1, 'A'))).isFalse();
            assertThat(inventory.isBooked(new Seat(1, 'C'))).isFalse();
            assertThat(inventory.availableSeats()).isEqualTo(16);
        }

        @Test
        void malformedOrOutsideSeatsAreInvalidAndNamed() {
            UUID bookingId = UUID.randomUUID();

            Decision decision = book(bookingId, 4, "1A", "4A", "1G", "x1");

            assertThat(decision).isEqualTo(new Rejected(bookingId, Rejection.INVALID_SEAT, List.of("4A", "1G", "x1")));
            assertThat(inventory.availableSeats()).isEqualTo(18);
        }

        @Test
        void repeatedSeatIsInvalid() {
            UUID bookingId = UUID.randomUUID();

            Decision decision = book(bookingId, 3, "1A", "1B", "1A");

            assertThat(decision).isEqualTo(new Rejected(bookingId, Rejection.INVALID_SEAT, List.of("1A")));
            assertThat(inventory.availableSeats()).isEqualTo(18);
        }

        @Test
        void seatCountDifferentFromPassengerCountNamesAllSeats() {
            UUID bookingId = UUID.randomUUID();

            Decision tooFew = book(bookingId, 3, "2B", "1A");
            Decision tooMany = book(bookingId, 1, "2B", "1A");

            assertThat(tooFew).isEqualTo(new Rejected(bookingId, Rejection.INVALID_SEAT, List.of("1A", "2B")));
            assertThat(tooMany).isEqualTo(tooFew);
            assertThat(inventory.availableSeats()).isEqualTo(18);
        }

        @Test
        void nullLabelIsInvalidRatherThanACrash() {
            UUID bookingId = UUID.randomUUID();

            Decision decision = inventory.book(bookingId, 2, Arrays.asList("1A", null), BEFORE_CLOSE);

            assertThat(decision).isEqualTo(new Rejected(bookingId, Rejection.INVALID_SEAT, List.of("null")));
        }

        @Test
        void explicitSeatsAreTakenEvenWhenTheRestIsSoldOut() {
            book(UUID.randomUUID(), 17, new String[0]);
            UUID last = UUID.randomUUID();
            String freeSeat = inventory.layout().allSeats().stream()
                    .filter(seat -> !inventory.isBooked(seat))
                    .findFirst()
                    .orElseThrow()
                    .label();

            assertThat(confirmedSeats(book(last, 1, freeSeat))).containsExactly(freeSeat);
            assertThat(inventory.availableSeats()).isZero();
        }
    }

    @Nested
    class AssignedSeats {

        @Test
        void sitsAPartySideBySideInTheFrontMostRow() {
            assertThat(confirmedSeats(book(UUID.randomUUID(), 3))).containsExactly("1A", "1B", "1C");
            assertThat(confirmedSeats(book(UUID.randomUUID(), 2))).containsExactly("1D", "1E");
            // Row 1 has one seat left, so a pair goes to row 2 rather than being split.
            assertThat(confirmedSeats(book(UUID.randomUUID(), 2))).containsExactly("2A", "2B");
            assertThat(confirmedSeats(book(UUID.randomUUID(), 1))).containsExactly("1F");
        }

        @Test
        void takesTheLeftmostGapThatFitsNotTheFirstFreeSeat() {
            book(UUID.randomUUID(), 2, "1B", "1E");

            // Row 1 is A _ C D _ F with B and E taken: C-D is the only pair.
            assertThat(confirmedSeats(book(UUID.randomUUID(), 2))).containsExactly("1C", "1D");
        }

        @Test
        void aSkippedLetterIsNoGap() {
            // Cabins skip the letter I: H and J sit side by side, so a pair gets them rather than the lone 1A.
            TripInventory cabin = new TripInventory(
                    UUID.randomUUID(), new SeatLayout(1, "ABCDEFGHJK"), SALES_CLOSE_AT, Inventories.LIMITS);
            cabin.book(UUID.randomUUID(), 7, List.of("1B", "1C", "1D", "1E", "1F", "1G", "1K"), BEFORE_CLOSE);

            Decision pair = cabin.book(UUID.randomUUID(), 2, List.of(), BEFORE_CLOSE);

            assertThat(confirmedSeats(pair)).containsExactly("1H", "1J");
        }

        @Test
        void withoutRoomInOneRowKeepsThePartyInTheFewestRows() {
            // Rows 1 and 2 have two free seats each, row 3 has four (not adjacent): a party of four fits in row 3
            // alone.
            book(UUID.randomUUID(), 4, "1A", "1B", "1C", "1D");
            book(UUID.randomUUID(), 4, "2C", "2D", "2E", "2F");
            book(UUID.randomUUID(), 2, "3B", "3E");

            assertThat(confirmedSeats(book(UUID.randomUUID(), 4))).containsExactly("3A", "3C", "3D", "3F");
        }

        @Test
        void splitsOverNeighbouringRowsWhenNoRowIsBigEnough() {
            // Free: row 1 has A,F; row 2 has A,B,F; row 3 has A,B. A party of five needs two rows, and rows 1-2
            // and 2-3 both hold five free seats: the front-most pair wins.
            book(UUID.randomUUID(), 4, "1B", "1C", "1D", "1E");
            book(UUID.randomUUID(), 3, "2C", "2D", "2E");
            book(UUID.randomUUID(), 4, "3C", "3D", "3E", "3F");

            assertThat(confirmedSeats(book(UUID.randomUUID(), 5))).containsExactly("1A", "1F", "2A", "2B", "2F");
        }

        @Test
        void inThePartlyUsedRowPicksTheSeatsClosestTogether() {
            // Free: row 1 has A; row 2 has A, C, D, F; row 3 none. Row 2 alone holds a party of three, so it wins
            // over rows 1-2; of its free seats, A-C-D and C-D-F span the same width, and the leftmost wins.
            book(UUID.randomUUID(), 5, "1B", "1C", "1D", "1E", "1F");
            book(UUID.randomUUID(), 2, "2B", "2E");
            book(UUID.randomUUID(), 6, "3A", "3B", "3C", "3D", "3E", "3F");

            assertThat(confirmedSeats(book(UUID.randomUUID(), 3))).containsExactly("2A", "2C", "2D");
        }

        @Test
        void preferSeatsSpanningFewerColumnsOverTheLeftmostOnes() {
            TripInventory cabin = new TripInventory(
                    UUID.randomUUID(), new SeatLayout(1, "ABCDEFGH"), SALES_CLOSE_AT, Inventories.LIMITS);
            cabin.book(UUID.randomUUID(), 3, List.of("1B", "1C", "1F"), BEFORE_CLOSE);

            // Free: A, D, E, G, H. No three side by side; D-E-G spans four columns, A-D-E five.
            Decision party = cabin.book(UUID.randomUUID(), 3, List.of(), BEFORE_CLOSE);

            assertThat(confirmedSeats(party)).containsExactly("1D", "1E", "1G");
        }

        @Test
        void largerThanARowSpreadsOverConsecutiveRows() {
            assertThat(confirmedSeats(book(UUID.randomUUID(), 9)))
                    .containsExactly("1A", "1B", "1C", "1D", "1E", "1F", "2A", "2B", "2C");
        }

        @Test
        void soldOutWhenFewerSeatsAreFreeThanPassengers() {
            book(UUID.randomUUID(), 9);
            book(UUID.randomUUID(), 7);
            UUID late = UUID.randomUUID();

            assertThat(book(late, 3)).isEqualTo(new Rejected(late, Rejection.SOLD_OUT, List.of()));
            assertThat(inventory.availableSeats()).isEqualTo(2);
            assertThat(confirmedSeats(book(UUID.randomUUID(), 2))).hasSize(2);
            assertThat(inventory.availableSeats()).isZero();
        }

        @Test
        void fillsTheLargestCabinSeatBySeatUntilSoldOut() {
            TripInventory jumbo = new TripInventory(
                    UUID.randomUUID(), new SeatLayout(150, "ABCDEFGHJK"), SALES_CLOSE_AT, Inventories.LIMITS);
            List<String> sold = new ArrayList<>();
            for (int booking = 0; booking < 500; booking++) {
                sold.addAll(confirmedSeats(jumbo.book(UUID.randomUUID(), 3, List.of(), BEFORE_CLOSE)));
            }

            assertThat(sold).doesNotHaveDuplicates().hasSize(1500);
            assertThat(jumbo.availableSeats()).isZero();
            assertThat(jumbo.book(UUID.randomUUID(), 1, List.of(), BEFORE_CLOSE))
                    .isInstanceOf(Rejected.class)
                    .extracting(decision -> ((Rejected) decision).reason())
                    .isEqualTo(Rejection.SOLD_OUT);
        }

        @Test
        void nullSeatListMeansNoPreference() {
            assertThat(confirmedSeats(inventory.book(UUID.randomUUID(), 2, null, BEFORE_CLOSE)))
                    .containsExactly("1A", "1B");
        }
    }

    @Test
    void closesAtTheSalesCloseInstant() {
        UUID bookingId = UUID.randomUUID();
        Rejected closed = new Rejected(bookingId, Rejection.TRIP_CLOSED, List.of());

        assertThat(inventory.isClosed(SALES_CLOSE_AT.minusNanos(1))).isFalse();
        assertThat(inventory.isClosed(SALES_CLOSE_AT)).isTrue();
        assertThat(inventory.book(bookingId, 1, List.of(), SALES_CLOSE_AT)).isEqualTo(closed);
        assertThat(inventory.book(bookingId, 1, List.of("1A"), SALES_CLOSE_AT.plusSeconds(1)))
                .isEqualTo(closed);
        assertThat(inventory.availableSeats()).isEqualTo(18);
    }

    @Test
    void refusesBookingsWithoutPassengers() {
        assertThatIllegalArgumentException().isThrownBy(() -> book(UUID.randomUUID(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> book(UUID.randomUUID(), -1, "1A"));
        assertThat(inventory.availableSeats()).isEqualTo(18);
    }

    @Nested
    class Replay {

        @Test
        void sameBookingAgainGetsItsSeatsAndChangesNothing() {
            UUID bookingId = UUID.randomUUID();
            Decision first = book(bookingId, 2);

            // A redelivered command, even one that now differs or arrives after close, must not sell more seats.
            assertThat(book(bookingId, 2)).isEqualTo(first);
            assertThat(book(bookingId, 3, "3A", "3B", "3C")).isEqualTo(first);
            assertThat(inventory.book(bookingId, 2, List.of(), SALES_CLOSE_AT.plusSeconds(60)))
                    .isEqualTo(first);
            assertThat(inventory.availableSeats()).isEqualTo(16);
            assertThat(inventory.liveBookings()).isEqualTo(1);
        }

        @Test
        void rejectedBookingHoldsNothingSoItIsDecidedAgain() {
            UUID holder = UUID.randomUUID();
            book(holder, 1, "1A");
            UUID bookingId = UUID.randomUUID();
            assertThat(book(bookingId, 1, "1A")).isInstanceOf(Rejected.class);

            Inventories.cancel(inventory, holder, WHILE_OPEN);

            // The inventory remembers only live holders; telling a redelivered rejection apart is the caller's job.
            assertThat(confirmedSeats(book(bookingId, 1, "1A"))).containsExactly("1A");
        }
    }

    @Nested
    class Cancel {

        @Test
        void freesTheSeatsForTheNextBooking() {
            UUID first = UUID.randomUUID();
            book(first, 2, "1B", "1A");

            assertThat(Inventories.cancel(inventory, first, WHILE_OPEN)).containsExactly("1A", "1B");
            assertThat(inventory.holds(first)).isFalse();
            assertThat(inventory.seatsOf(first)).isEmpty();
            assertThat(inventory.availableSeats()).isEqualTo(18);
            assertThat(inventory.liveBookings()).isZero();
            assertThat(confirmedSeats(book(UUID.randomUUID(), 2, "1A", "1B"))).containsExactly("1A", "1B");
        }

        @Test
        void isIdempotentAndIgnoresUnknownBookings() {
            UUID bookingId = UUID.randomUUID();
            book(bookingId, 1);

            assertThat(Inventories.cancel(inventory, bookingId, WHILE_OPEN)).containsExactly("1A");
            assertThat(Inventories.cancel(inventory, bookingId, WHILE_OPEN)).isEmpty();
            assertThat(Inventories.cancel(inventory, UUID.randomUUID(), WHILE_OPEN))
                    .isEmpty();
            assertThat(inventory.availableSeats()).isEqualTo(18);
        }

        @Test
        void ofARejectedBookingReleasesNothing() {
            UUID holder = UUID.randomUUID();
            book(holder, 1, "1A");
            UUID rejected = UUID.randomUUID();
            book(rejected, 1, "1A");

            assertThat(Inventories.cancel(inventory, rejected, WHILE_OPEN)).isEmpty();
            assertThat(inventory.seatsOf(holder)).containsExactly("1A");
        }
    }

    @Nested
    class Restore {

        @Test
        void loadsLiveBookings() {
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();

            inventory.restore(first, List.of("2B", "1C"));
            inventory.restore(second, List.of("3F"));

            assertThat(inventory.seatsOf(first)).containsExactly("1C", "2B");
            assertThat(inventory.availableSeats()).isEqualTo(15);
            assertThat(inventory.liveBookings()).isEqualTo(2);
            assertThat(book(first, 2)).isEqualTo(new Confirmed(first, List.of("1C", "2B")));
            assertThat(confirmedSeats(book(UUID.randomUUID(), 3))).containsExactly("1D", "1E", "1F");
        }

        @Test
        void refusesASeatHeldByAnotherBooking() {
            inventory.restore(UUID.randomUUID(), List.of("1A", "1B"));

            assertThatIllegalStateException()
                    .isThrownBy(() -> inventory.restore(UUID.randomUUID(), List.of("2A", "1B")))
                    .withMessageContaining("1B");
            assertThat(allLabels(inventory)).containsExactly("1A", "1B");
            assertThat(inventory.availableSeats()).isEqualTo(16);
        }

        @Test
        void refusesASeatListedTwice() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> inventory.restore(UUID.randomUUID(), List.of("1A", "1A")));
            assertThat(inventory.availableSeats()).isEqualTo(18);
        }

        @Test
        void refusesTheSameBookingTwice() {
            UUID bookingId = UUID.randomUUID();
            inventory.restore(bookingId, List.of("1A"));

            assertThatIllegalStateException().isThrownBy(() -> inventory.restore(bookingId, List.of("2A")));
            assertThat(inventory.seatsOf(bookingId)).containsExactly("1A");
        }

        @Test
        void refusesInvalidSeatsAndEmptyBookings() {
            assertThatIllegalStateException().isThrownBy(() -> inventory.restore(UUID.randomUUID(), List.of("4A")));
            assertThatIllegalStateException().isThrownBy(() -> inventory.restore(UUID.randomUUID(), List.of("1G")));
            assertThatIllegalStateException().isThrownBy(() -> inventory.restore(UUID.randomUUID(), List.of("01A")));
            assertThatIllegalStateException().isThrownBy(() -> inventory.restore(UUID.randomUUID(), List.of()));
            assertThat(inventory.availableSeats()).isEqualTo(18);
            assertThat(inventory.liveBookings()).isZero();
        }
    }
}
