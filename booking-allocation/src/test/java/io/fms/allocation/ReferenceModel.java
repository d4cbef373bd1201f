package io.fms.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The slow, obviously right version of {@link TripInventory} that the property tests compare it with: a map from seat
 * label to booking, and decisions spelled out as the public contract states them. It shares nothing with the inventory but the
 * {@link SeatLayout} record and the decision types.
 */
final class ReferenceModel {

    static final Comparator<String> SEAT_ORDER =
            Comparator.comparingInt(ReferenceModel::rowOf).thenComparing(label -> label.charAt(label.length() - 1));

    private final SeatLayout layout;
    private final Map<String, UUID> holderBySeat = new HashMap<>();
    private final Map<UUID, List<String>> seatsByBooking = new HashMap<>();

    ReferenceModel(SeatLayout layout) {
        this.layout = layout;
    }

    static int rowOf(String label) {
        return Integer.parseInt(label.substring(0, label.length() - 1));
    }

    static List<String> sorted(List<String> labels) {
        return labels.stream().sorted(SEAT_ORDER).toList();
    }

    String label(int row, int columnIndex) {
        return Integer.toString(row) + layout.columns().charAt(columnIndex);
    }

    List<String> allLabels() {
        List<String> labels = new ArrayList<>();
        for (int row = 1; row <= layout.rows(); row++) {
            for (int column = 0; column < layout.columns().length(); column++) {
                labels.add(label(row, column));
            }
        }
        return labels;
    }

    boolean isFree(String label) {
        return !holderBySeat.containsKey(label);
    }

    int freeSeats() {
        return layout.capacity() - holderBySeat.size();
    }

    Map<String, UUID> holders() {
        return Map.copyOf(holderBySeat);
    }

    List<String> seatsOf(UUID bookingId) {
        return seatsByBooking.getOrDefault(bookingId, List.of());
    }

    int liveBookings() {
        return seatsByBooking.size();
    }

    /** The decision the contract asks for when explicit seats are requested while sales are open. */
    Decision expectedForExplicitSeats(UUID bookingId, int passengerCount, List<String> requested) {
        List<String> allLabels = allLabels();
        List<String> invalid = new ArrayList<>();
        for (int index = 0; index < requested.size(); index++) {
            String label = requested.get(index);
            boolean repeated = requested.subList(0, index).contains(label);
            if ((!allLabels.contains(label) || repeated) && !invalid.contains(label)) {
                invalid.add(label);
            }
        }
        if (!invalid.isEmpty()) {
            return new Decision.Rejected(bookingId, Rejection.INVALID_SEAT, invalid);
        }
        if (requested.size() != passengerCount) {
            return new Decision.Rejected(bookingId, Rejection.INVALID_SEAT, sorted(requested));
        }
        List<String> taken =
                sorted(requested.stream().filter(label -> !isFree(label)).toList());
        if (!taken.isEmpty()) {
            return new Decision.Rejected(bookingId, Rejection.SEAT_UNAVAILABLE, taken);
        }
        return new Decision.Confirmed(bookingId, sorted(requested));
    }

    /** The front-most row's leftmost run of {@code length} free seats, or an empty list when no row has one. */
    List<String> firstAdjacentFreeBlock(int length) {
        for (int row = 1; row <= layout.rows(); row++) {
            for (int start = 0; start + length <= layout.columns().length(); start++) {
                List<String> block = new ArrayList<>();
                for (int column = start; column < start + length; column++) {
                    block.add(label(row, column));
                }
                if (block.stream().allMatch(this::isFree)) {
                    return block;
                }
            }
        }
        return List.of();
    }

    /** The front-most of the shortest runs of rows that hold {@code seatCount} free seats, as {first, last}. */
    int[] closestRows(int seatCount) {
        for (int length = 1; length <= layout.rows(); length++) {
            for (int first = 1; first + length - 1 <= layout.rows(); first++) {
                int free = 0;
                for (int row = first; row < first + length; row++) {
                    free += freeSeatsInRow(row);
                }
                if (free >= seatCount) {
                    return new int[] {first, first + length - 1};
                }
            }
        }
        throw new IllegalStateException("fewer than " + seatCount + " free seats");
    }

    int freeSeatsInRow(int row) {
        int free = 0;
        for (int column = 0; column < layout.columns().length(); column++) {
            if (isFree(label(row, column))) {
                free++;
            }
        }
        return free;
    }

    /** The fewest columns that {@code count} free seats of the row can span, counted in cabin order. */
    int tightestSpan(int row, int count) {
        List<Integer> freeColumns = IntStream.range(0, layout.columns().length())
                .filter(column -> isFree(label(row, column)))
                .boxed()
                .toList();
        return IntStream.rangeClosed(0, freeColumns.size() - count)
                .map(start -> freeColumns.get(start + count - 1) - freeColumns.get(start))
                .min()
                .orElseThrow();
    }

    void hold(UUID bookingId, List<String> seats) {
        for (String seat : seats) {
            UUID previous = holderBySeat.put(seat, bookingId);
            if (previous != null) {
                throw new AssertionError("model: seat " + seat + " of " + previous + " given to " + bookingId);
            }
        }
        seatsByBooking.put(bookingId, sorted(seats));
    }

    List<String> cancel(UUID bookingId) {
        List<String> seats = seatsByBooking.remove(bookingId);
        if (seats == null) {
            return List.of();
        }
        seats.forEach(holderBySeat::remove);
        return seats;
    }
}
