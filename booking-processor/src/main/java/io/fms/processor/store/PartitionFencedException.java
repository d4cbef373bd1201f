package io.fms.processor.store;

/**
 * Another processor recorded progress on a partition this one was deciding: it owns the partition now, or did in
 * between. The batch is rolled back and its in-memory state dropped.
 */
public class PartitionFencedException extends RuntimeException {

    public PartitionFencedException(String message) {
        super(message);
    }
}
