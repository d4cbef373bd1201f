package io.fms.processor.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.events.Availability;
import io.fms.events.BookingJson;
import io.fms.events.BookingStatus;
import io.fms.events.BookingView;
import io.fms.events.ReadModelKeys;
import io.fms.processor.it.ReadModelIT;
import io.fms.testkit.TestRedisCluster;
import io.lettuce.core.cluster.SlotHash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** The read model on a three-master Redis Cluster, where one script call may only touch keys of one hash slot. */
class ReadModelClusterIT {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static LettuceConnectionFactory factory;
    private static StringRedisTemplate redis;
    private static RedisMessageListenerContainer announcements;
    private static final Set<String> announced = ConcurrentHashMap.newKeySet();

    private final ReadModel readModel = new ReadModel(redis);

    @BeforeAll
    static void connect() {
        factory = TestRedisCluster.connectionFactory();
        redis = new StringRedisTemplate(factory);
        announcements = new RedisMessageListenerContainer();
        announcements.setConnectionFactory(factory);
        announcements.addMessageListener(
                (message, pattern) -> announced.add(new String(message.getBody(), StandardCharsets.UTF_8)),
                new ChannelTopic(ReadModelKeys.DECISIONS_CHANNEL));
        announcements.afterPropertiesSet();
        announcements.start();
    }

    @AfterAll
    static void disconnect() throws Exception {
        announcements.destroy();
        factory.destroy();
    }

    @Test
    void aBatchOverEverySlotIsWrittenAndAnnounced() {
        // More bookings than one call takes on a single server; on the cluster their keys spread over every master.
        List<BookingView> bookings = IntStream.range(0, ReadModel.BOOKINGS_PER_CALL * 2 + 1)
                .mapToObj(i -> ReadModelIT.view(UUID.randomUUID(), BookingStatus.CONFIRMED))
                .toList();
        List<Availability> availabilities = IntStream.range(0, 30)
                .mapToObj(i -> new Availability(UUID.randomUUID(), 180, 180 - i, false, NOW, 0))
                .toList();
        assertThat(bookings.stream()
                        .map(b -> SlotHash.getSlot(ReadModelKeys.booking(b.bookingId())) * 3 / TestRedisCluster.SLOTS)
                        .distinct())
                .as("the bookings' keys live on every master")
                .hasSize(TestRedisCluster.MASTERS);

        readModel.write(bookings, availabilities);

        for (BookingView booking : bookings) {
            assertThat(stored(booking.bookingId()).status()).isEqualTo(BookingStatus.CONFIRMED);
        }
        assertThat(redis.getExpire(ReadModelKeys.booking(bookings.getFirst().bookingId())))
                .isGreaterThan(ReadModelKeys.BOOKING_TTL.toSeconds() - 60);
        for (Availability availability : availabilities) {
            String json = redis.opsForValue().get(ReadModelKeys.availability(availability.tripId()));
            assertThat(json).isNotNull();
            assertThat(BookingJson.readPlain(json.getBytes(StandardCharsets.UTF_8), Availability.class))
                    .isEqualTo(availability);
            assertThat(redis.getExpire(ReadModelKeys.availability(availability.tripId())))
                    .isPositive();
        }
        Set<String> ids =
                Set.copyOf(bookings.stream().map(b -> b.bookingId().toString()).toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> announced.containsAll(ids));
    }

    @Test
    void anOlderViewNeverReplacesANewerOneAndALaterListingWins() {
        UUID cancelled = UUID.randomUUID();
        UUID listedTwice = UUID.randomUUID();
        readModel.write(List.of(ReadModelIT.view(cancelled, BookingStatus.CANCELLED)), List.of());

        readModel.write(
                List.of(
                        ReadModelIT.view(cancelled, BookingStatus.CONFIRMED),
                        ReadModelIT.view(listedTwice, BookingStatus.CONFIRMED),
                        ReadModelIT.view(listedTwice, BookingStatus.CANCELLED)),
                List.of());

        assertThat(stored(cancelled).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(stored(listedTwice).status()).isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void aNodeThatForgotTheScriptIsSentItAgain() {
        readModel.write(List.of(ReadModelIT.view(UUID.randomUUID(), BookingStatus.CONFIRMED)), List.of());
        for (int port : TestRedisCluster.ports()) {
            TestRedisCluster.onNode(port, commands -> commands.scriptFlush());
        }
        List<BookingView> bookings = IntStream.range(0, 20)
                .mapToObj(i -> ReadModelIT.view(UUID.randomUUID(), BookingStatus.REJECTED))
                .toList();

        readModel.write(bookings, List.of());

        for (BookingView booking : bookings) {
            assertThat(stored(booking.bookingId()).status()).isEqualTo(BookingStatus.REJECTED);
        }
    }

    private static BookingView stored(UUID bookingId) {
        String json = redis.opsForValue().get(ReadModelKeys.booking(bookingId));
        assertThat(json).as("read model entry of %s", bookingId).isNotNull();
        return BookingJson.readPlain(json.getBytes(StandardCharsets.UTF_8), BookingView.class);
    }
}
