package io.fms.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Moves a quiet partition's clock on. The processor that owns the partition appends one when a deadline there (a hold
 * expiring, a trip departing) has passed and no other command has arrived since: the deadline is then decided like
 * any command, once, in log order, in the batch that stores the offset, and the same on a replay.
 *
 * @param tripId a trip of the partition with a deadline due, which also makes the record's key
 */
public record PartitionTick(UUID tripId, Instant requestedAt) implements BookingCommand {}
