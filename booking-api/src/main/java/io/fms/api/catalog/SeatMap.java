package io.fms.api.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every seat of a trip with whether a live booking takes it: held for payment, or booked. */
public record SeatMap(UUID tripId, int rows, String columns, int capacity, int availableSeats, List<SeatState> seats) {

    public enum Status {
        AVAILABLE,
        /** Taken by a booking held while its traveller pays; free again if the hold expires or is released. */
        HELD,
        BOOKED
    }

    public record SeatState(String seat, Status status) {}

    static SeatMap of(Trip trip, Map<String, Status> taken) {
        List<SeatState> seats = trip.layout().labels().stream()
                .map(label -> new SeatState(label, taken.getOrDefault(label, Status.AVAILABLE)))
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
