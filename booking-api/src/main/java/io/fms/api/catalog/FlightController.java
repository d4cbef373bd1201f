package io.fms.api.catalog;

import io.fms.api.web.AdminKeyRequired;
import io.fms.api.web.AnswerLocation;
import io.fms.api.web.JsonAnswer;
import io.fms.api.web.PagedList;
import io.fms.api.web.ProblemAnswers;
import io.fms.api.web.ProblemKind;
import io.fms.api.web.RequestExamples;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@AnswerLocation(description = "The flight created", example = "/api/v1/flights/7d444840-9dc0-11d1-b245-5ffdce74fad2")
@RequestMapping("/api/v1/flights")
@Tag(name = "Catalog", description = "Flights and trips; writes need the admin key")
class FlightController {

    private final CatalogService catalog;

    FlightController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @PostMapping(consumes = "application/json")
    @Operation(operationId = "createFlight", summary = "Create a flight")
    @AdminKeyRequired
    @RequestExamples(@ExampleObject(name = "flight", value = CatalogExamples.FLIGHT_REQUEST))
    @JsonAnswer(
            status = 201,
            description = "Created; Location names the flight",
            examples = @ExampleObject(name = "flight", value = CatalogExamples.FLIGHT))
    @ProblemAnswers({ProblemKind.VALIDATION, ProblemKind.CONFLICT, ProblemKind.UNSUPPORTED_MEDIA_TYPE})
    ResponseEntity<Flight> create(@org.springframework.web.bind.annotation.RequestBody FlightRequest request) {
        Flight flight = catalog.createFlight(request);
        return ResponseEntity.created(URI.create("/api/v1/flights/" + flight.id()))
                .body(flight);
    }

    @GetMapping
    @Operation(
            operationId = "listFlights",
            summary = "List flights, by flight number",
            description = "A page of flights: limit and offset choose it; a Link header names the next page while"
                    + " more follow.")
    @JsonAnswer(
            description = "The flights of the page",
            examples = @ExampleObject(name = "flights", value = "[" + CatalogExamples.FLIGHT + "]"))
    @PagedList
    @ProblemAnswers({ProblemKind.VALIDATION})
    ResponseEntity<List<Flight>> list(
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset,
            HttpServletRequest request) {
        return catalog.flights(limit, offset).answer(request);
    }

    @GetMapping("/{flightId}")
    @Operation(operationId = "getFlight", summary = "One flight")
    @JsonAnswer(description = "The flight", examples = @ExampleObject(name = "flight", value = CatalogExamples.FLIGHT))
    @ProblemAnswers({ProblemKind.NOT_FOUND})
    Flight get(@PathVariable UUID flightId) {
        return catalog.flight(flightId);
    }
}
