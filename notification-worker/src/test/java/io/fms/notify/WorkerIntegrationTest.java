package io.fms.notify;

import io.fms.events.BookingEvent;
import io.fms.events.BookingJson;
import io.fms.events.Topics;
import io.fms.notify.delivery.Channel;
import io.fms.notify.delivery.DeliveryView;
import io.fms.notify.delivery.DeliveryViews;
import io.fms.testkit.FmsTestInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole worker against a real broker, a fresh Postgres database, GreenMail and loopback receivers. Every IT of
 * the running worker extends this one unchanged, so they all share one Spring context; tests keep apart by their
 * own bookings, recipients and receivers. Retry settings are short so that backoff, horizon and dead-lettering play
 * out in seconds.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "fms.notify.webhook-secret=" + WorkerIntegrationTest.SECRET,
            "fms.notify.allow-loopback=true",
            "fms.notify.connect-timeout-ms=500",
            "fms.notify.read-timeout-ms=500",
            "fms.notify.request-timeout-ms=1000",
            "fms.notify.retry-base-ms=100",
            "fms.notify.retry-cap-ms=400",
            "fms.notify.retry-horizon-ms=3000",
            "fms.notify.lease-ms=2000",
            "fms.notify.poll-interval-ms=50",
            "fms.kafka.event-partitions=3",
            "fms.kafka.command-partitions=3"
        })
public abstract class WorkerIntegrationTest {

    // Standard Webhooks form: whsec_ and a base64 key of 32 bytes.
    public static final String SECRET = "whsec_Zm1zLXdvcmtlci1pbnRlZ3JhdGlvbi10ZXN0LWtleSE=";

    protected static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        FmsTestInfrastructure.register(registry);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::smtpPort);
    }

    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;

    @Autowired
    private JdbcTemplate jdbc;

    protected DeliveryViews deliveryViews() {
        return new DeliveryViews(jdbc);
    }

    /** Publishes the event as the processor does: keyed by booking ID, the value {@code BookingJson.write}. */
    protected void publish(BookingEvent event) throws Exception {
        kafka.send(Topics.BOOKING_EVENTS, event.bookingId().toString(), BookingJson.write(event))
                .get(10, TimeUnit.SECONDS);
    }

    protected Optional<DeliveryView> delivery(BookingEvent event, Channel channel) {
        return deliveryViews().findByBooking(event.bookingId()).stream()
                .filter(d -> d.eventId().equals(event.eventId()) && d.channel() == channel)
                .findFirst();
    }

    protected List<DeliveryView> deliveries(BookingEvent event) {
        return deliveryViews().findByBooking(event.bookingId()).stream()
                .filter(d -> d.eventId().equals(event.eventId()))
                .toList();
    }
}
