package io.fms.api.booking;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.api.Http;
import io.fms.api.RawHttp;
import io.fms.api.SharedApiContext;
import io.fms.events.Topics;
import io.fms.testkit.TestKafka;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.ScanOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input over real HTTP (Tomcat's own parsing included): every request of {@link BadInputCorpus} is answered
 * 4xx with an RFC 9457 problem, and none of them reaches Kafka or leaves an idempotency key or booking in Redis.
 * To replay a random mutation, run with {@code -Dfms.fuzz.seed=<seed named in the failure>}.
 */
class BadInputIT extends SharedApiContext {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long SEED = Long.getLong("fms.fuzz.seed", 20261125L);

    @Test
    void everyBadRequestIsA4xxProblemAndNothingIsQueuedOrRemembered() {
        UUID openTrip = createTrip();
        UUID closedTrip = departedTrip();
        List<BadInputCorpus.Case> cases = BadInputCorpus.all(openTrip, closedTrip, SEED);
        Map<TopicPartition, Long> offsetsBefore = commandEndOffsets();
        Set<String> redisBefore = redisKeys();

        List<String> failures = new ArrayList<>();
        for (BadInputCorpus.Case badRequest : cases) {
            RawHttp.Response response;
            try {
                response = RawHttp.exchange(port, badRequest.request());
            } catch (RuntimeException | AssertionError e) {
                failures.add(badRequest.name() + ": no HTTP answer: " + e);
                continue;
            }
            String problem = problemIn(response);
            if (problem != null) {
                failures.add(badRequest.name() + ": " + problem);
            }
        }

        assertThat(failures).as("%d cases", cases.size()).isEmpty();
        assertThat(cases).hasSizeGreaterThan(300);
        assertThat(commandEndOffsets())
                .as("end offsets of " + Topics.BOOKING_COMMANDS)
                .isEqualTo(offsetsBefore);
        assertThat(redisKeys()).as("idempotency keys and bookings in Redis").isEqualTo(redisBefore);
        // The API still serves a good request afterwards: the bad ones broke nothing.
        http.postJson("/api/v1/bookings", BadInputCorpus.valid(openTrip.toString()))
                .assertStatus(202);
    }

    @Test
    void aCallbackHostResolvingToAPrivateAddressIsRefusedAtSubmission() {
        UUID trip = createTrip();
        Http.Response response = http.postJson("/api/v1/bookings", """
                {"tripId": "%s", "passengers": [{"name": "Ada"}], "callbackUrl": "http://%s:8080/hook"}""".formatted(trip, PRIVATE_NAME));

        assertThat(response.invalidFields()).containsExactly("callbackUrl");
        assertThat(response.body()).contains("10.0.0.1, a private address");
    }

    /** Null when the answer is a proper 4xx problem, else what is wrong with it. */
    private static String problemIn(RawHttp.Response response) {
        String summary = response.status() + " " + abbreviate(response.body());
        if (response.status() < 400 || response.status() > 499) {
            return "status " + summary;
        }
        String type = response.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "content type " + type + ": " + summary;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(response.body());
        } catch (RuntimeException e) {
            return "body is not JSON: " + summary;
        }
        if (!problem.path("type").asString("").startsWith("urn:fms:problem:")
                || problem.path("status").asInt() != response.status()
                || problem.path("title").asString("").isBlank()) {
            return "not a problem of ours: " + summary;
        }
        if (response.body().contains("Exception") || response.body().contains("tools.jackson")) {
            return "leaks internals: " + summary;
        }
        return null;
    }

    private UUID departedTrip() {
        UUID flightId = UUID.fromString(createFlight("LHR", "JFK").get("id").asString());
        UUID tripId = UUID.randomUUID();
        // The API refuses past departures, so the trip that has already left is written as the database holds it.
        jdbc.sql("""
                        insert into catalog.trips (id, flight_id, departure_time, seat_rows, seat_columns, capacity,
                                                   created_at)
                        values (?, ?, ?, 10, 'ABCDEF', 60, now())""")
                .params(tripId, flightId, Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)))
                .update();
        return tripId;
    }

    private Set<String> redisKeys() {
        Set<String> keys = new HashSet<>();
        for (String pattern : List.of(IdempotencyStore.KEY_PREFIX + "*", "fms:booking:*")) {
            try (var cursor = redis.scan(
                    ScanOptions.scanOptions().match(pattern).count(1000).build())) {
                cursor.forEachRemaining(keys::add);
            }
        }
        return keys;
    }

    private static Map<TopicPartition, Long> commandEndOffsets() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_uncommitted");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.BOOKING_COMMANDS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            return consumer.endOffsets(partitions);
        }
    }

    private static String abbreviate(String text) {
        String line = text.replace('\n', ' ');
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }
}
