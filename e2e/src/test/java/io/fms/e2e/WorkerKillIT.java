package io.fms.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.fms.e2e.FmsClient.BookingRequest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The notification worker killed while receivers hold its webhooks (fault 7 of the fault suite). Its claims lapse
 * after the lease ({@code FMS_NOTIFY_LEASE_MS}, short in this stack), the restarted worker takes them up, and every
 * delivery ends DELIVERED. Only what was in flight at the kill is sent again: nothing the worker had recorded.
 */
@Order(7)
@ExtendWith(FmsStack.class)
class WorkerKillIT {

    private static final int BOOKINGS = 6;
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(90);

    /** A POST the receiver got: which event, and the raw body. */
    private record Received(String eventId, String body) {}

    @Test
    void noDeliveryIsLostAndOnlyThoseInFlightAreRepeated(RunningFms fms) throws Exception {
        Queue<Received> received = new ConcurrentLinkedQueue<>();
        CountDownLatch release = new CountDownLatch(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Holds every request until released: the worker is mid-delivery when it dies.
        receiver.createContext("/hooks/slow", exchange -> {
            try (exchange) {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("FMS-Event-Id"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                release.await(30, TimeUnit.SECONDS);
                exchange.sendResponseHeaders(204, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the worker that sent it is gone
            }
        });
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.start();
        try {
            FmsClient client = fms.client();
            String tripId = client.createTrip(2, "ABCD");
            String callback = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/slow";
            Map<String, String> recipients = new HashMap<>();
            for (int index = 0; index < BOOKINGS; index++) {
                String email = "kill-" + UUID.randomUUID() + "@example.com";
                String bookingId = client.bookAccepted(
                        BookingRequest.of(tripId, List.of("Passenger " + index), null)
                                .withContact(email, callback),
                        null);
                recipients.put(bookingId, email);
            }
            Decisions.awaitFinal(fms, recipients.keySet(), Duration.ofSeconds(60));
            await("webhooks held by the receiver")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> !received.isEmpty());

            fms.service(FmsStack.WORKER).kill();
            // Requests the dead worker had already written may still be read by the receiver: let them land.
            AtomicInteger lastCount = new AtomicInteger(-1);
            await("the receiver has read what the dead worker sent")
                    .during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> lastCount.getAndSet(received.size()) == received.size());
            Set<String> inFlightAtKill =
                    received.stream().map(Received::eventId).collect(Collectors.toSet());
            release.countDown();
            fms.ensureRunning();

            await("every delivery DELIVERED after the restart")
                    .atMost(RECOVERY_BOUND)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> undelivered(fms, recipients.keySet()) == 0);

            Map<String, Integer> timesReceived = new HashMap<>();
            received.forEach(post -> timesReceived.merge(post.eventId(), 1, Integer::sum));
            for (String bookingId : recipients.keySet()) {
                assertThat(received.stream().filter(post -> post.body().contains(bookingId)))
                        .as("webhooks of booking %s", bookingId)
                        .isNotEmpty();
            }
            Set<String> repeated = new HashSet<>();
            timesReceived.forEach((eventId, times) -> {
                if (times > 1) {
                    repeated.add(eventId);
                }
            });
            assertThat(inFlightAtKill).as("held at the kill").isNotEmpty();
            assertThat(repeated).as("events sent more than once").isSubsetOf(inFlightAtKill);
            assertThat(timesReceived.values()).as("times each event arrived").allMatch(times -> times <= 2);
            for (String recipient : recipients.values()) {
                List<String> messageIds = messageIdsTo(fms, recipient);
                assertThat(messageIds).as("emails to %s", recipient).isNotEmpty();
                // Should an email have been repeated, it carries the first one's Message-ID for the mailbox to drop.
                assertThat(new HashSet<>(messageIds))
                        .as("Message-IDs to %s", recipient)
                        .hasSize(1);
            }
        } finally {
            release.countDown();
            receiver.stop(0);
        }
    }

    private static int undelivered(RunningFms fms, Set<String> bookingIds) throws SQLException {
        try (Connection database = fms.database();
                PreparedStatement query = database.prepareStatement(
                        "select count(*) filter (where status <> 'DELIVERED'), count(*) from notify.deliveries"
                                + " where booking_id = any (?::uuid[])")) {
            query.setArray(1, database.createArrayOf("text", bookingIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                // An email and a webhook per booking, both recorded before anything counts as delivered.
                return rows.getInt(2) < 2 * bookingIds.size() ? Integer.MAX_VALUE : rows.getInt(1);
            }
        }
    }

    private static List<String> messageIdsTo(RunningFms fms, String recipient) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : fms.mail().getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(address -> address.toString().contains(recipient))) {
                ids.add(message.getMessageID());
            }
        }
        return ids;
    }
}
