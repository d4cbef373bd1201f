package io.fms.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.Http;
import io.fms.api.SharedApiContext;
import io.fms.events.Availability;
import io.fms.events.BookingJson;
import io.fms.events.ReadModelKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CatalogApiIT extends SharedApiContext {

    @Test
    void createsAFlightAndReadsItBack() {
        String number = uniqueFlightNumber();
        Http.Response created = http.postAdmin("/api/v1/flights", """
                {"flightNumber": "%s", "origin": "lhr", "destination": "JFK"}""".formatted(number));

        created.assertStatus(201);
        JsonNode flight = created.json();
        String id = flight.get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/v1/flights/" + id);
        assertThat(flight.get("flightNumber").asString()).isEqualTo(number);
        assertThat(flight.get("origin").asString()).isEqualTo("LHR");

        JsonNode read = http.get("/api/v1/flights/" + id).assertStatus(200).json();
        assertThat(read.get("destination").asString()).isEqualTo("JFK");
        JsonNode all = http.get("/api/v1/flights").assertStatus(200).json();
        assertThat(StreamSupport.stream(all.spliterator(), false)
                        .map(f -> f.get("id").asString()))
                .contains(id);
    }

    @Test
    void aDuplicateFlightNumberIsAConflict() {
        String body = """
                {"flightNumber": "%s", "origin": "LHR", "destination": "JFK"}""".formatted(uniqueFlightNumber());
        http.postAdmin("/api/v1/flights", body).assertStatus(201);

        http.postAdmin("/api/v1/flights", body).assertProblem(409, "conflict");
    }

    @Test
    void catalogWritesNeedTheAdminKey() {
        String body = """
                {"flightNumber": "%s", "origin": "LHR", "destination": "JFK"}""".formatted(uniqueFlightNumber());
        int flightsBefore = flightCount();

        Http.Response without = http.postJson("/api/v1/flights", body);
        without.assertProblem(401, "unauthorized");
        assertThat(without.header("WWW-Authenticate")).isEqualTo("Bearer");
        http.postJson("/api/v1/flights", body, "Authorization", "Bearer wrong-key")
                .assertProblem(401, "unauthorized");
        http.postJson("/api/v1/flights", body, "Authorization", "Basic " + ADMIN_KEY)
                .assertProblem(401, "unauthorized");
        UUID flightId = UUID.fromString(createFlight("LHR", "CDG").get("id").asString());
        http.postJson("/api/v1/flights/" + flightId + "/trips", """
                        {"departureTime": "2031-01-01T00:00:00Z", "rows": 3, "columns": "AB"}""").assertProblem(401, "unauthorized");

        assertThat(flightCount()).isEqualTo(flightsBefore + 1);
        assertThat(tripCount(flightId)).isZero();
    }

    @Test
    void invalidFlightsNameEveryBadFieldAndChangeNothing() {
        int before = flightCount();

        List<String> problem = http.postAdmin("/api/v1/flights", """
                        {"flightNumber": "101", "origin": "LHRX", "destination": null}""").invalidFields();
        assertThat(problem).containsExactlyInAnyOrder("flightNumber", "origin", "destination");

        problem = http.postAdmin("/api/v1/flights", """
                        {"flightNumber": "FM1", "origin": "LHR", "destination": "lhr"}""").invalidFields();
        assertThat(problem).containsExactly("destination");

        assertThat(flightCount()).isEqualTo(before);
    }

    @Test
    void createsATripWithItsCapacity() {
        JsonNode flight = createFlight("LHR", "JFK");
        String flightId = flight.get("id").asString();

        Http.Response created = http.postAdmin("/api/v1/flights/" + flightId + "/trips", """
                {"departureTime": "2031-06-01T10:30:00+01:00", "rows": 30, "columns": "ABCDEF"}""");

        created.assertStatus(201);
        JsonNode trip = created.json();
        assertThat(created.header("Location"))
                .isEqualTo("/api/v1/trips/" + trip.get("id").asString());
        assertThat(trip.get("flightId").asString()).isEqualTo(flightId);
        assertThat(trip.get("flightNumber").asString())
                .isEqualTo(flight.get("flightNumber").asString());
        assertThat(trip.get("departureTime").asString()).isEqualTo("2031-06-01T09:30:00Z");
        assertThat(trip.get("capacity").asInt()).isEqualTo(180);
        assertThat(trip.get("availableSeats").asInt()).isEqualTo(180);
        // The processor reads these columns (docs/design.md).
        assertThat(jdbc.sql("select seat_rows, seat_columns, capacity from catalog.trips where id = ?")
                        .param(UUID.fromString(trip.get("id").asString()))
                        .query((rs, row) -> rs.getInt(1) + "x" + rs.getString(2) + "=" + rs.getInt(3))
                        .single())
                .isEqualTo("30xABCDEF=180");
    }

    @Test
    void invalidTripsNameEveryBadFieldAndChangeNothing() {
        String flightId = createFlight("LHR", "JFK").get("id").asString();
        String path = "/api/v1/flights/" + flightId + "/trips";

        assertThat(http.postAdmin(path, """
                        {"departureTime": "2001-01-01T00:00:00Z", "rows": 0, "columns": "ABCA"}""").invalidFields())
                .containsExactlyInAnyOrder("departureTime", "rows", "columns");
        assertThat(http.postAdmin(path, """
                        {"departureTime": "tomorrow", "rows": 151, "columns": "BA"}""").invalidFields())
                .containsExactlyInAnyOrder("departureTime", "rows", "columns");
        assertThat(http.postAdmin(path, """
                        {"departureTime": "2031-01-01T00:00:00Z", "rows": 10, "columns": "ABCDEFGHJKL"}""").invalidFields()).containsExactly("columns");
        assertThat(http.postAdmin(path, "{}").invalidFields())
                .containsExactlyInAnyOrder("departureTime", "rows", "columns");
        http.postAdmin("/api/v1/flights/" + UUID.randomUUID() + "/trips", """
                        {"departureTime": "2031-01-01T00:00:00Z", "rows": 10, "columns": "AB"}""").assertProblem(404, "not-found");

        assertThat(tripCount(UUID.fromString(flightId))).isZero();
    }

    @Test
    void searchesTripsByRouteAndUtcDate() {
        JsonNode toParis = createFlight("SFO", "CDG");
        JsonNode toRome = createFlight("SFO", "FCO");
        String early = createTripOf(toParis, "2032-03-04T00:30:00Z");
        String late = createTripOf(toParis, "2032-03-04T23:30:00Z");
        String nextDay = createTripOf(toParis, "2032-03-05T00:10:00Z");
        String rome = createTripOf(toRome, "2032-03-04T12:00:00Z");

        assertThat(tripIds(http.get("/api/v1/trips?origin=SFO&destination=CDG&date=2032-03-04")))
                .containsExactly(early, late);
        assertThat(tripIds(http.get("/api/v1/trips?origin=sfo&date=2032-03-04")))
                .containsExactly(early, rome, late);
        assertThat(tripIds(http.get("/api/v1/trips?destination=CDG"))).contains(early, late, nextDay);
        JsonNode first = http.get("/api/v1/trips?origin=SFO&destination=FCO")
                .assertStatus(200)
                .json()
                .get(0);
        assertThat(first.get("availableSeats").asInt()).isEqualTo(60);

        assertThat(http.get("/api/v1/trips?origin=SF&date=04-03-2032").invalidFields())
                .containsExactlyInAnyOrder("origin", "date");
    }

    @Test
    void availabilityComesFromTheProcessorsSnapshotElseFromHeldSeats() {
        createProcessorTables();
        JsonNode trip = createTrip("2031-07-01T08:00:00Z", 2, "AB");
        UUID tripId = UUID.fromString(trip.get("id").asString());
        holdSeat(tripId, "1A", null);
        holdSeat(tripId, "2B", null);
        holdSeat(tripId, "1B", Instant.now());

        assertThat(availableSeats(tripId)).isEqualTo(2);
        JsonNode seatMap =
                http.get("/api/v1/trips/" + tripId + "/seats").assertStatus(200).json();
        assertThat(seatMap.get("capacity").asInt()).isEqualTo(4);
        assertThat(StreamSupport.stream(seatMap.get("seats").spliterator(), false)
                        .map(seat -> seat.get("seat").asString() + ":"
                                + seat.get("status").asString()))
                .containsExactly("1A:BOOKED", "1B:AVAILABLE", "2A:AVAILABLE", "2B:BOOKED");

        redis.opsForValue()
                .set(
                        ReadModelKeys.availability(tripId),
                        new String(
                                BookingJson.writePlain(new Availability(tripId, 4, 1, false, Instant.now(), 0)),
                                StandardCharsets.UTF_8));
        assertThat(availableSeats(tripId)).isEqualTo(1);
    }

    @Test
    void theSeatMapShowsSeatsOfHeldBookingsHeldAndOfConfirmedOnesBooked() {
        createProcessorTables();
        JsonNode trip = createTrip("2031-07-01T08:00:00Z", 1, "ABC");
        UUID tripId = UUID.fromString(trip.get("id").asString());
        takeSeat(tripId, "1A", "HELD", null);
        takeSeat(tripId, "1B", "CONFIRMED", null);
        // A hold that expired released its seat.
        takeSeat(tripId, "1C", "EXPIRED", Instant.now());

        JsonNode seatMap =
                http.get("/api/v1/trips/" + tripId + "/seats").assertStatus(200).json();

        assertThat(StreamSupport.stream(seatMap.get("seats").spliterator(), false)
                        .map(seat -> seat.get("seat").asString() + ":"
                                + seat.get("status").asString()))
                .containsExactly("1A:HELD", "1B:BOOKED", "1C:AVAILABLE");
        assertThat(seatMap.get("availableSeats").asInt()).isEqualTo(1);
        // Held seats are taken: the count without a snapshot says so too.
        assertThat(availableSeats(tripId)).isEqualTo(1);
    }

    @Test
    void unknownTripsAreNotFound() {
        http.get("/api/v1/trips/" + UUID.randomUUID()).assertProblem(404, "not-found");
        http.get("/api/v1/trips/" + UUID.randomUUID() + "/seats").assertProblem(404, "not-found");
        http.get("/api/v1/flights/" + UUID.randomUUID()).assertProblem(404, "not-found");
        http.get("/api/v1/trips/not-a-uuid").assertProblem(404, "not-found");
    }

    private String createTripOf(JsonNode flight, String departure) {
        return http.postAdmin("/api/v1/flights/" + flight.get("id").asString() + "/trips", """
                        {"departureTime": "%s", "rows": 10, "columns": "ABCDEF"}""".formatted(departure))
                .assertStatus(201)
                .json()
                .get("id")
                .asString();
    }

    /** A seat held (or once held) by a booking, as the processor records it: the booking row first, then its seat. */
    private void holdSeat(UUID tripId, String seat, Instant releasedAt) {
        takeSeat(tripId, seat, releasedAt == null ? "CONFIRMED" : "CANCELLED", releasedAt);
    }

    private void takeSeat(UUID tripId, String seat, String status, Instant releasedAt) {
        UUID bookingId = UUID.randomUUID();
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        jdbc.sql("insert into booking.bookings (id, trip_id, status, seats, passengers, requested_at, decided_at,"
                        + " cancelled_at) values (?, ?, ?, ?, '[{\"name\": \"Ada\"}]'::jsonb, ?, ?, ?)")
                .params(
                        bookingId,
                        tripId,
                        status,
                        new String[] {seat},
                        now,
                        now,
                        status.equals("CANCELLED") ? java.sql.Timestamp.from(releasedAt) : null)
                .update();
        jdbc.sql("insert into booking.booking_seats (trip_id, seat, booking_id, released_at) values (?, ?, ?, ?)")
                .params(tripId, seat, bookingId, releasedAt == null ? null : java.sql.Timestamp.from(releasedAt))
                .update();
    }

    private static List<String> tripIds(Http.Response response) {
        return StreamSupport.stream(response.assertStatus(200).json().spliterator(), false)
                .map(trip -> trip.get("id").asString())
                .toList();
    }

    private int flightCount() {
        return jdbc.sql("select count(*) from catalog.flights")
                .query(Integer.class)
                .single();
    }

    private int tripCount(UUID flightId) {
        return jdbc.sql("select count(*) from catalog.trips where flight_id = ?")
                .param(flightId)
                .query(Integer.class)
                .single();
    }

    private int availableSeats(UUID tripId) {
        return http.get("/api/v1/trips/" + tripId)
                .assertStatus(200)
                .json()
                .get("availableSeats")
                .asInt();
    }
}
