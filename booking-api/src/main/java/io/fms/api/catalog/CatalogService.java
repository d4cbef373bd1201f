package io.fms.api.catalog;

import io.fms.api.ApiProperties;
import io.fms.api.web.Page;
import io.fms.api.web.ProblemException;
import io.fms.api.web.ProblemKind;
import io.fms.api.web.Violations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Flights and trips: created by operators with the admin key, read by everyone. */
@Service
public class CatalogService {

    private final FlightRepository flights;
    private final TripRepository trips;
    private final TripDirectory directory;
    private final SeatAvailability availability;
    private final Clock clock;
    private final int listSizeMax;

    CatalogService(
            FlightRepository flights,
            TripRepository trips,
            TripDirectory directory,
            SeatAvailability availability,
            Clock clock,
            ApiProperties properties) {
        this.flights = flights;
        this.trips = trips;
        this.directory = directory;
        this.availability = availability;
        this.clock = clock;
        this.listSizeMax = properties.listSizeMax();
    }

    public Flight createFlight(FlightRequest request) {
        FlightRequest valid = request.validated();
        Flight flight = new Flight(
                UUID.randomUUID(), valid.flightNumber(), valid.origin(), valid.destination(), clock.instant());
        try {
            flights.insert(flight);
        } catch (DuplicateKeyException e) {
            throw new ProblemException(ProblemKind.CONFLICT, "Flight " + flight.flightNumber() + " already exists");
        }
        return flight;
    }

    /** Flights by flight number, a page of at most {@code fms.api.list-size-max} ({@link Page}). */
    public Page.Fetched<Flight> flights(Integer limit, Integer offset) {
        Violations violations = new Violations();
        Page page = Page.of(limit, offset, listSizeMax, violations);
        violations.throwIfAny();
        return page.fetched(flights.list(page.fetchSize(), page.offset()));
    }

    public Flight flight(UUID id) {
        return flights.find(id).orElseThrow(() -> ProblemException.notFound("No flight " + id));
    }

    public TripView createTrip(UUID flightId, TripRequest request) {
        Flight flight = flight(flightId);
        Instant now = clock.instant();
        TripRequest.Checked valid = request.validated(now);
        Trip trip = new Trip(
                UUID.randomUUID(),
                flight.id(),
                flight.flightNumber(),
                flight.origin(),
                flight.destination(),
                valid.departureTime(),
                valid.layout());
        try {
            trips.insert(trip, now);
        } catch (DataIntegrityViolationException e) {
            // Flights are never deleted today; this covers one vanishing between the lookup and the insert.
            throw ProblemException.notFound("No flight " + flightId);
        }
        directory.remember(trip);
        return TripView.of(trip, trip.layout().capacity());
    }

    /**
     * Trips on a route, on a UTC departure date when one is given, otherwise from now on; earliest first, a page of
     * at most {@code fms.api.list-size-max} ({@link Page}).
     */
    public Page.Fetched<TripView> searchTrips(
            String origin, String destination, String date, Integer limit, Integer offset) {
        Violations violations = new Violations();
        String from = FlightRequest.upper(origin);
        String to = FlightRequest.upper(destination);
        if (from != null) {
            FlightRequest.airport(violations, "origin", from);
        }
        if (to != null) {
            FlightRequest.airport(violations, "destination", to);
        }
        LocalDate day = null;
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                violations.add("date", "must be a date as YYYY-MM-DD");
            }
        }
        Page page = Page.of(limit, offset, listSizeMax, violations);
        violations.throwIfAny();
        Instant start =
                day == null ? clock.instant() : day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = day == null
                ? null
                : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Trip> found = trips.search(from, to, start, end, page.fetchSize(), page.offset());
        Map<UUID, Integer> available = availability.availableSeats(found);
        return page.fetched(found.stream()
                .map(trip -> TripView.of(trip, available.get(trip.id())))
                .toList());
    }

    public TripView trip(UUID tripId) {
        Trip trip = find(tripId);
        return TripView.of(trip, availability.availableSeats(trip));
    }

    public SeatMap seatMap(UUID tripId) {
        Trip trip = find(tripId);
        return SeatMap.of(trip, availability.takenSeats(trip.id()));
    }

    private Trip find(UUID tripId) {
        return directory.find(tripId).orElseThrow(() -> ProblemException.notFound("No trip " + tripId));
    }
}
