package io.fms.notify.delivery;

import java.util.concurrent.ConcurrentHashMap;

/**
 * How many workers each concurrency key (a webhook's registered domain) holds, none more than its share, so that
 * one slow receiver cannot take every worker however many host names it mints.
 */
final class DomainShares {

    private final int perKeyMax;
    private final ConcurrentHashMap<String, Integer> inFlightByKey = new ConcurrentHashMap<>();

    DomainShares(int perKeyMax) {
        if (perKeyMax < 1) {
            throw new IllegalArgumentException("a key's share is at least one worker, was " + perKeyMax);
        }
        this.perKeyMax = perKeyMax;
    }

    /** Takes a worker for {@code key}; false, taking nothing, when the key already holds its share. */
    boolean tryTake(String key) {
        boolean[] taken = {false};
        inFlightByKey.compute(key, (k, inFlight) -> {
            int current = inFlight == null ? 0 : inFlight;
            if (current >= perKeyMax) {
                return inFlight;
            }
            taken[0] = true;
            return current + 1;
        });
        return taken[0];
    }

    /** Gives back a worker {@link #tryTake} took for {@code key}. */
    void giveBack(String key) {
        // Drop idle entries so that the map does not grow with every domain ever seen.
        inFlightByKey.computeIfPresent(key, (k, inFlight) -> inFlight <= 1 ? null : inFlight - 1);
    }
}
