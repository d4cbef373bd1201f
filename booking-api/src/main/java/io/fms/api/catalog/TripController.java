package io.fms.api.catalog;

import io.fms.api.web.AdminKeyRequired;
import io.fms.api.web.AnswerLocation;
import io.fms.api.web.JsonAnswer;
import io.fms.api.web.PagedList;
import io.fms.api.web.ProblemAnswers;
import io.fms.api.web.ProblemKind;
import io.fms.api.web.RequestExamples;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@AnswerLocation(description = "The trip created", example = "/api/v1/trips/0f8fad5b-d9cb-469f-a165-70867728950e")
@Tag(name = "Catalog")
class TripController {

    private final CatalogService catalog;

    TripController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @PostMapping(path = "/api/v1/flights/{flightId}/trips", consumes = "application/json")
    @Operation(operationId = "createTrip", summary = "Create a trip: one departure of a flight, with its cabin layout")
    @AdminKeyRequired
    @RequestExamples(@ExampleObject(name = "trip", value = CatalogExamples.TRIP_REQUEST))
    @JsonAnswer(
            status = 201,
            description = "Created; Location names the trip",
            examples = @ExampleObject(name = "trip", value = CatalogExamples.TRIP))
    @ProblemAnswers({ProblemKind.VALIDATION, ProblemKind.NOT_FOUND, ProblemKind.UNSUPPORTED_MEDIA_TYPE})
    ResponseEntity<TripView> create(
            @PathVariable UUID flightId, @org.springframework.web.bind.annotation.RequestBody TripRequest request) {
        TripView trip = catalog.createTrip(flightId, request);
        return ResponseEntity.created(URI.create("/api/v1/trips/" + trip.id())).body(trip);
    }

    @GetMapping("/api/v1/trips")
    @Operation(
            operationId = "listTrips",
            summary = "Search trips",
            description = "Trips on a route, earliest first, each with availableSeats. With date, the trips"
                    + " departing on that UTC date; without it, those departing from now on. A page of them: limit"
                    + " and offset choose it; a Link header names the next page while more follow.")
    @JsonAnswer(
            description = "The trips of the page",
            examples = @ExampleObject(name = "trips", value = "[" + CatalogExamples.TRIP + "]"))
    @PagedList
    @ProblemAnswers({ProblemKind.VALIDATION})
    ResponseEntity<List<TripView>> search(
            @Parameter(description = "IATA code of departure", example = "LHR") @RequestParam(required = false)
                    String origin,
            @Parameter(description = "IATA code of arrival", example = "JFK") @RequestParam(required = false)
                    String destination,
            @Parameter(description = "UTC departure date, YYYY-MM-DD", example = "2031-06-01")
                    @RequestParam(required = false)
                    String date,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset,
            HttpServletRequest request) {
        return catalog.searchTrips(origin, destination, date, limit, offset).answer(request);
    }

    @GetMapping("/api/v1/trips/{tripId}")
    @Operation(
            operationId = "getTrip",
            summary = "One trip with its capacity and available seats",
            description = "availableSeats is the processor's latest count, which may lag by one batch")
    @JsonAnswer(description = "The trip", examples = @ExampleObject(name = "trip", value = CatalogExamples.TRIP))
    @ProblemAnswers({ProblemKind.NOT_FOUND})
    TripView get(@PathVariable UUID tripId) {
        return catalog.trip(tripId);
    }

    @GetMapping("/api/v1/trips/{tripId}/seats")
    @Operation(
            operationId = "getSeatMap",
            summary = "Seat map: every seat of the trip, AVAILABLE, HELD or BOOKED",
            description = "HELD: taken by a booking held while its traveller pays (free again if the hold expires"
                    + " or is released); BOOKED: taken by a confirmed booking")
    @JsonAnswer(
            description = "The seat map, front to back",
            examples = @ExampleObject(name = "seats", value = CatalogExamples.SEAT_MAP))
    @ProblemAnswers({ProblemKind.NOT_FOUND})
    SeatMap seats(@PathVariable UUID tripId) {
        return catalog.seatMap(tripId);
    }
}
