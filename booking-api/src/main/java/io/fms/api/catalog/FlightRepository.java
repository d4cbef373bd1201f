package io.fms.api.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code catalog.flights}. A duplicate flight number surfaces as Spring's {@code DuplicateKeyException}. */
@Repository
class FlightRepository {

    private static final String COLUMNS = "id, flight_number, origin, destination, created_at";

    private final JdbcClient jdbc;

    FlightRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Flight flight) {
        jdbc.sql("insert into catalog.flights (" + COLUMNS + ") values (?, ?, ?, ?, ?)")
                .params(
                        flight.id(),
                        flight.flightNumber(),
                        flight.origin(),
                        flight.destination(),
                        OffsetDateTime.ofInstant(flight.createdAt(), ZoneOffset.UTC))
                .update();
    }

    Optional<Flight> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from catalog.flights where id = ?")
                .param(id)
                .query(FlightRepository::map)
                .optional();
    }

    /** Flights by flight number (unique, so pages never overlap), {@code limit} of them after {@code offset}. */
    List<Flight> list(int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from catalog.flights order by flight_number limit ? offset ?")
                .params(limit, offset)
                .query(FlightRepository::map)
                .list();
    }

    private static Flight map(ResultSet rs, int row) throws SQLException {
        return new Flight(
                rs.getObject("id", UUID.class),
                rs.getString("flight_number"),
                rs.getString("origin"),
                rs.getString("destination"),
                instant(rs, "created_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
