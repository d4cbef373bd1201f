package io.fms.api.catalog;

import java.time.Instant;
import java.util.UUID;

/** A trip as the API shows it. */
public record TripView(
        UUID id,
        UUID flightId,
        String flightNumber,
        String origin,
        String destination,
        Instant departureTime,
        int rows,
        String columns,
        int capacity,
        int availableSeats) {

    static TripView of(Trip trip, int availableSeats) {
        return new TripView(
                trip.id(),
                trip.flightId(),
                trip.flightNumber(),
                trip.origin(),
                trip.destination(),
                trip.departureTime(),
                trip.layout().rows(),
                trip.layout().columns(),
                trip.layout().capacity(),
                availableSeats);
    }
}
