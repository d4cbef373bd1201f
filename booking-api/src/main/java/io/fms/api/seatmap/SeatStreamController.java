package io.fms.api.seatmap;

import io.fms.api.catalog.CatalogService;
import io.fms.api.web.FieldProblem;
import io.fms.api.web.ProblemAnswers;
import io.fms.api.web.ProblemKind;
import io.fms.api.web.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@Tag(name = "Catalog")
class SeatStreamController {

    /** Versions are Kafka offsets; 18 digits stay well inside a long. */
    private static final int LAST_EVENT_ID_LENGTH_MAX = 18;

    private static final String EXAMPLE = """
            :
            retry: 1000

            event: snapshot
            id: 1042
            data: {"version":1042,"seats":[{"seat":"1A","status":"AVAILABLE"},{"seat":"1B","status":"BOOKED"}]}

            event: seats
            id: 1057
            data: {"version":1057,"changes":[{"seat":"1A","status":"BOOKED"}]}
            """;

    private final SeatStreams streams;
    private final CatalogService catalog;

    SeatStreamController(SeatStreams streams, CatalogService catalog) {
        this.streams = streams;
        this.catalog = catalog;
    }

    @GetMapping(path = "/api/v1/trips/{tripId}/seats/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            operationId = "streamSeatMap",
            summary = "The trip's seat map, live (Server-Sent Events)",
            description = "First an event `snapshot` {version, seats: [{seat, status}]}, then events `seats`"
                    + " {version, changes: [{seat, status}]}, each with `id` = version. Versions only grow; a"
                    + " snapshot plus the changes after it is the seat map of the latest version. Statuses are"
                    + " those of the seat map (AVAILABLE, HELD, BOOKED). A client reconnecting with"
                    + " Last-Event-ID gets the changes it missed, or a new snapshot. A comment line comes at least"
                    + " every 15 s. A busy trip's changes are merged into a few events per second. Streams per"
                    + " instance are capped (fms.seat-stream.streams-max): beyond it 503 + Retry-After. Seat"
                    + " states only: no booking IDs, names or contacts.")
    @ApiResponse(
            responseCode = "200",
            description = "The stream",
            content =
                    @Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema =
                                    @Schema(
                                            type = "string",
                                            description = "Server-Sent Events: `event:`, `id:` and `data:` lines, the"
                                                    + " data JSON as described above; comment lines keep it open"),
                            examples = @ExampleObject(name = "stream", value = EXAMPLE)))
    @ProblemAnswers({ProblemKind.VALIDATION, ProblemKind.NOT_FOUND, ProblemKind.UNAVAILABLE})
    SseEmitter stream(
            @PathVariable UUID tripId,
            @Parameter(description = "The id of the last event received; sent by browsers on reconnect")
                    @RequestHeader(name = "Last-Event-ID", required = false)
                    String lastEventId) {
        long last = parse(lastEventId);
        // An unknown trip is a 404 before the stream opens, not a stream that ends at once.
        catalog.trip(tripId);
        return streams.open(tripId, last);
    }

    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return -1;
        }
        String value = lastEventId.strip();
        if (value.length() > LAST_EVENT_ID_LENGTH_MAX || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException(List.of(new FieldProblem(
                    "Last-Event-ID", "must be the id of an event of this stream (a non-negative integer)")));
        }
        return Long.parseLong(value);
    }
}
