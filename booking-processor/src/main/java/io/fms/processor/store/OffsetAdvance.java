package io.fms.processor.store;

/**
 * A partition's progress to record with a batch's decisions.
 *
 * @param expectedNextOffset what this consumer last read from {@code consumer_offsets}, or null when there was no row:
 *     the write succeeds only if the row still says so, which fences off a processor that lost the partition
 * @param nextOffset the offset of the first record not yet decided
 */
public record OffsetAdvance(String topic, int partition, Long expectedNextOffset, long nextOffset) {

    public OffsetAdvance {
        if (nextOffset < 0 || (expectedNextOffset != null && nextOffset < expectedNextOffset)) {
            throw new IllegalArgumentException("offset of " + topic + "-" + partition + " may only advance: "
                    + expectedNextOffset + " -> " + nextOffset);
        }
    }
}
