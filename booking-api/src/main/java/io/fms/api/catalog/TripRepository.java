package io.fms.api.catalog;

import io.fms.allocation.SeatLayout;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** {@code catalog.trips}, always read joined with its flight. */
@Repository
class TripRepository {

    private static final String SELECT = "select t.id, t.flight_id, f.flight_number, f.origin, f.destination,"
            + " t.departure_time, t.seat_rows, t.seat_columns"
            + " from catalog.trips t join catalog.flights f on f.id = t.flight_id";

    private final JdbcClient jdbc;

    TripRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Trip trip, Instant createdAt) {
        jdbc.sql("insert into catalog.trips (id, flight_id, departure_time, seat_rows, seat_columns, capacity,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        trip.id(),
                        trip.flightId(),
                        utc(trip.departureTime()),
                        trip.layout().rows(),
                        trip.layout().columns(),
                        trip.layout().capacity(),
                        utc(createdAt))
                .update();
    }

    Optional<Trip> find(UUID id) {
        return jdbc.sql(SELECT + " where t.id = ?")
                .param(id)
                .query(TripRepository::map)
                .optional();
    }

    /**
     * Trips departing in [from, to), on a route when one is given, earliest first; {@code limit} of them after
     * {@code offset}. The trip ID ends the order so that pages never overlap, even for one flight's trips departing
     * at the same time.
     */
    List<Trip> search(String origin, String destination, Instant from, Instant to, int limit, int offset) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where t.departure_time >= ?");
        List<Object> params = new ArrayList<>(List.of(utc(from)));
        if (to != null) {
            sql.append(" and t.departure_time < ?");
            params.add(utc(to));
        }
        if (origin != null) {
            sql.append(" and f.origin = ?");
            params.add(origin);
        }
        if (destination != null) {
            sql.append(" and f.destination = ?");
            params.add(destination);
        }
        sql.append(" order by t.departure_time, f.flight_number, t.id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString())
                .params(params)
                .query(TripRepository::map)
                .list();
    }

    private static Trip map(ResultSet rs, int row) throws SQLException {
        return new Trip(
                rs.getObject("id", UUID.class),
                rs.getObject("flight_id", UUID.class),
                rs.getString("flight_number"),
                rs.getString("origin"),
                rs.getString("destination"),
                FlightRepository.instant(rs, "departure_time"),
                new SeatLayout(rs.getInt("seat_rows"), rs.getString("seat_columns")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
