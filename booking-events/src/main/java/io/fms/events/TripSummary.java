package io.fms.events;

import java.time.Instant;
import java.util.UUID;

/** What a notification needs to say about a trip without asking the catalog. */
public record TripSummary(UUID tripId, String flightNumber, String origin, String destination, Instant departureTime) {}
