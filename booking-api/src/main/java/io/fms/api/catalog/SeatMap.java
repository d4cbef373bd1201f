package io.fms.api.catalog;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Every seat of a trip with whether a live booking holds it. */
public record SeatMap(UUID tripId, int rows, String columns, int capacity, int availableSeats, List<SeatState> seats) {

    public enum Status {
        AVAILABLE,
        BOOKED
    }

    public record SeatState(String seat, Status status) {}

    static SeatMap of(Trip trip, Set<String> booked) {
        List<SeatState> seats = trip.layout().labels().stream()
                .map(label -> new SeatState(label, booked.contains(label) ? Status.BOOKED : Status.AVAILABLE))
                .toList();
        int available =
                (int) seats.stream().filter(s -> s.status() == Status.AVAILABLE).count();
        return new SeatMap(
                trip.id(),
                trip.layout().rows(),
                trip.layout().columns(),
                trip.layout().capacity(),
                available,
                seats);
    }
}
