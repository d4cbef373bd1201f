package io.fms.api.catalog;

import java.time.Instant;
import java.util.UUID;

/** A scheduled service, e.g. FM101 from LHR to JFK. */
public record Flight(UUID id, String flightNumber, String origin, String destination, Instant createdAt) {}
