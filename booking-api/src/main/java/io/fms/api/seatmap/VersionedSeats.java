package io.fms.api.seatmap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trip's seat statuses as of a version: every change of version {@code <= version} is in them, none later.
 *
 * @param seats seat label to status, front to back as the cabin's layout lists them
 */
record VersionedSeats(long version, Map<String, String> seats) {

    VersionedSeats {
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative, was " + version);
        }
        seats = new LinkedHashMap<>(seats);
    }
}
