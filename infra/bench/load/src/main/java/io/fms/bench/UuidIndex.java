package io.fms.bench;

/** A UUID to request-index map on primitive arrays (open addressing): a million booking IDs cost some 40 MB. */
final class UuidIndex {

    private final long[] msb;
    private final long[] lsb;
    private final int[] value;
    private final int mask;

    UuidIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        msb = new long[capacity];
        lsb = new long[capacity];
        value = new int[capacity];
        java.util.Arrays.fill(value, -1);
        mask = capacity - 1;
    }

    /** Every request whose answer named a booking ID. */
    static UuidIndex of(Outcomes outcomes) {
        UuidIndex index = new UuidIndex(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.hasBookingId(i)) {
                index.put(outcomes.bookingMsb[i], outcomes.bookingLsb[i], i);
            }
        }
        return index;
    }

    void put(long high, long low, int index) {
        int slot = slot(high, low);
        while (value[slot] >= 0 && !(msb[slot] == high && lsb[slot] == low)) {
            slot = (slot + 1) & mask;
        }
        msb[slot] = high;
        lsb[slot] = low;
        value[slot] = index;
    }

    int get(long high, long low) {
        int slot = slot(high, low);
        while (value[slot] >= 0) {
            if (msb[slot] == high && lsb[slot] == low) {
                return value[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private int slot(long high, long low) {
        long h = high * 0x9E3779B97F4A7C15L ^ low;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
