package io.fms.api.catalog;

import io.fms.api.ApiProperties;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Trips by ID for intake, which looks one up on every booking request. Trips never change once created, so an
 * entry is never stale; the map is bounded, and an arbitrary entry makes room when it is full. Unknown IDs are not
 * remembered, since the trip may be created a moment later.
 */
@Component
public class TripDirectory {

    private final TripRepository trips;
    private final int sizeMax;
    private final ConcurrentHashMap<UUID, Trip> cache = new ConcurrentHashMap<>();

    TripDirectory(TripRepository trips, ApiProperties properties) {
        this.trips = trips;
        this.sizeMax = properties.tripCacheSizeMax();
    }

    public Optional<Trip> find(UUID tripId) {
        Trip cached = cache.get(tripId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Trip> loaded = trips.find(tripId);
        loaded.ifPresent(this::remember);
        return loaded;
    }

    void remember(Trip trip) {
        while (cache.size() >= sizeMax) {
            Iterator<UUID> eldest = cache.keySet().iterator();
            if (!eldest.hasNext()) {
                break;
            }
            cache.remove(eldest.next());
        }
        cache.put(trip.id(), trip);
    }
}
