package io.fms.events;

import java.time.Instant;

/**
 * How far the processor has decided one command partition, published after each batch: the API tells a queued
 * booking its place from it ({@code commandOffset - nextOffset} commands are ahead of it).
 *
 * @param nextOffset the first offset not yet decided
 * @param decisionsPerSecond the partition's recent decision rate, for an estimate of the wait; 0 when unknown
 */
public record PartitionProgress(int partition, long nextOffset, double decisionsPerSecond, Instant updatedAt) {

    /** The place of the command at {@code commandOffset}: how many commands ahead of it are undecided. */
    public BookingView.QueuePosition placeOf(long commandOffset) {
        long ahead = Math.max(0, commandOffset - nextOffset);
        long etaMs = decisionsPerSecond > 0 ? (long) Math.ceil((ahead + 1) * 1000.0 / decisionsPerSecond) : 0;
        return new BookingView.QueuePosition(ahead, etaMs);
    }
}
