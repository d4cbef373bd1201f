package io.fms.bench;

import io.fms.events.BookingJson;
import io.fms.events.BookingRequested;
import io.fms.events.Passenger;
import io.fms.events.Topics;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** FMS as the running stack serves it: booking-api over HTTP, decisions read from fms.booking.events. */
final class FmsSystem {

    /**
     * The drain probe's figures: decisions per second from the first decision to the last, by the processor's own
     * timestamps.
     */
    public record DrainProbe(
            int commands,
            int trips,
            double produceS,
            int decided,
            double drainS,
            double decisionsPerS,
            double lastDecisionAfterProduceEndS) {}

    private static final int SETUP_PARALLELISM = 8;

    private final Stack stack;
    private final SetupHttp http = new SetupHttp();

    FmsSystem(Stack stack) {
        this.stack = stack;
    }

    void requireUp() {
        SetupHttp.Answer health = http.get(stack.api().resolve("/health"));
        if (health.status() == 0) {
            throw new IllegalStateException("booking-api does not answer at " + stack.api()
                    + ": start the stack with infra/fms up (and the same FMS_* port variables)");
        }
        if (health.status() != 200 || !health.body().contains("\"UP\"")) {
            throw new IllegalStateException("booking-api is not UP: " + health.status() + " " + health.body());
        }
        if (stack.adminKey() == null || stack.adminKey().isBlank()) {
            throw new IllegalStateException("no admin key: set FMS_ADMIN_API_KEY or keep .fms/admin-api-key");
        }
    }

    HttpLoad.Endpoint endpoint(String[] tripIds) {
        URI api = stack.api();
        return new HttpLoad.Endpoint(
                api.getHost(),
                api.getPort() > 0 ? api.getPort() : 80,
                api.getRawPath().replaceAll("/+$", "") + "/api/v1/bookings",
                tripIds);
    }

    /** A new flight (flight numbers are unique for good) and {@code count} trips of this layout on it. */
    String[] createTrips(int count, Workload.Layout layout) throws Exception {
        String flightId = null;
        SplittableRandom random = new SplittableRandom();
        for (int attempt = 0; attempt < 20 && flightId == null; attempt++) {
            String number = "BX" + (1000 + random.nextInt(9000)) + (char) ('A' + random.nextInt(26));
            SetupHttp.Answer created = http.post(
                    stack.api().resolve("/api/v1/flights"),
                    "{\"flightNumber\":\"" + number + "\",\"origin\":\"LHR\",\"destination\":\"JFK\"}",
                    stack.adminKey());
            if (created.status() == 201) {
                flightId = idOf(created.body());
            } else if (created.status() != 409) {
                throw new IllegalStateException("creating a flight: " + created.status() + " " + created.body());
            }
        }
        if (flightId == null) {
            throw new IllegalStateException("no free flight number after 20 tries");
        }
        URI trips = stack.api().resolve("/api/v1/flights/" + flightId + "/trips");
        Instant departure = Instant.now().plus(90, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        String[] ids = new String[count];
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService threads = Executors.newFixedThreadPool(SETUP_PARALLELISM)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < SETUP_PARALLELISM; w++) {
                workers.add(threads.submit(() -> {
                    for (int t = next.getAndIncrement(); t < count; t = next.getAndIncrement()) {
                        SetupHttp.Answer created = http.post(
                                trips,
                                "{\"departureTime\":\"" + departure.plus(t, ChronoUnit.MINUTES) + "\"," + layout.json()
                                        + "}",
                                stack.adminKey());
                        if (created.status() != 201) {
                            throw new IllegalStateException(
                                    "creating a trip: " + created.status() + " " + created.body());
                        }
                        ids[t] = idOf(created.body());
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        return ids;
    }

    private static String idOf(String json) {
        int key = json.indexOf("\"id\"");
        int start = json.indexOf('"', json.indexOf(':', key) + 1) + 1;
        return json.substring(start, json.indexOf('"', start));
    }

    /**
     * The drain probe: {@code count} booking commands produced straight to fms.booking.commands as fast as the
     * producer goes (a backlog forms at once), for fresh trips with as many seats as the commands ask; answers the
     * decision rate from the first decision to the last, as the processor's own clock stamps them.
     */
    DrainProbe drainProbe(int count, int decisionTimeoutSeconds) throws Exception {
        Workload workload = Workload.generate(
                Math.max(1, count * (1 + Workload.PARTY_MAX) / 2 / Workload.Layout.NARROW_BODY.capacity()),
                count,
                0,
                0.5,
                42);
        String[] tripIds = createTrips(workload.trips(), workload.layout());
        Outcomes outcomes = new Outcomes(count);
        UuidIndex index = new UuidIndex(count);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(count);
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            UUID bookingId = UUID.randomUUID();
            outcomes.bookingMsb[i] = bookingId.getMostSignificantBits();
            outcomes.bookingLsb[i] = bookingId.getLeastSignificantBits();
            index.put(outcomes.bookingMsb[i], outcomes.bookingLsb[i], i);
            List<Passenger> passengers = new ArrayList<>();
            for (int p = 0; p < workload.party(i); p++) {
                passengers.add(new Passenger("Traveller " + (p + 1)));
            }
            List<String> seats = new ArrayList<>();
            if (workload.explicit(i)) {
                StringBuilder json = new StringBuilder();
                workload.appendSeats(i, json);
                for (String seat : json.toString().split(",")) {
                    seats.add(seat.substring(1, seat.length() - 1));
                }
            }
            String tripId = tripIds[workload.trip(i)];
            BookingRequested command =
                    new BookingRequested(bookingId, UUID.fromString(tripId), passengers, seats, null, null, now);
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(Topics.BOOKING_COMMANDS, tripId, BookingJson.write(command));
            record.headers().add(Topics.HEADER_TYPE, BookingJson.typeOf(command).getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        long produced;
        long start;
        try (DecisionWatcher watcher = new DecisionWatcher(stack.kafkaBootstrapServers());
                KafkaProducer<String, byte[]> producer =
                        new KafkaProducer<>(Ceilings.producerConfig(stack.kafkaBootstrapServers()))) {
            watcher.expect(index, outcomes);
            start = Clock.now();
            for (int i = 0; i < count; i++) {
                outcomes.dueNs[i] = Clock.now();
                producer.send(records.get(i), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
            }
            producer.flush();
            produced = Clock.now();
            if (failure.get() != null) {
                throw new IllegalStateException("the drain probe's producer failed: " + failure.get());
            }
            watcher.awaitDecided(count, decisionTimeoutSeconds * Measurement.SECOND_NS, 30 * Measurement.SECOND_NS);
        }
        long first = Long.MAX_VALUE;
        long last = 0;
        int decided = 0;
        for (int i = 0; i < count; i++) {
            if (outcomes.decidedNs[i] != 0) {
                decided++;
                first = Math.min(first, outcomes.decidedNs[i]);
                last = Math.max(last, outcomes.decidedNs[i]);
            }
        }
        return new DrainProbe(
                count,
                workload.trips(),
                (produced - start) / 1e9,
                decided,
                decided == 0 ? Double.NaN : (last - first) / 1e9,
                decided < 2 ? Double.NaN : (decided - 1) / ((last - first) / 1e9),
                decided == 0 ? Double.NaN : (last - produced) / 1e9);
    }
}
