package io.fms.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.notify.delivery.Channel;
import io.fms.notify.delivery.DeliveryStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HealthAndMetricsIT extends WorkerIntegrationTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    MeterRegistry meters;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthShowsDatabaseKafkaAndMail() throws Exception {
        var response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = JsonMapper.builder().build().readTree(response.body());
        assertThat(health.path("status").asString()).isEqualTo("UP");
        for (String component : new String[] {"db", "kafka", "mail"}) {
            assertThat(health.path("components").path(component).path("status").asString())
                    .as(component)
                    .isEqualTo("UP");
        }
    }

    /**
     * The context and its meters are shared with every other test class, so a count says nothing on its own: each
     * is read before the event is published and must have grown by this event's share once it is delivered.
     */
    @Test
    void deliveriesAttemptsBacklogAndTimeToFirstAttemptAreMeasured() throws Exception {
        try (var receiver = TestReceiver.answering(200)) {
            var event = TestEvents.confirmed(TestEvents.uniqueEmail(), receiver.url());
            double webhooksDeliveredBefore = webhooksDelivered();
            long emailFirstAttemptsBefore = emailFirstAttempts();
            long webhookSuccessesBefore = webhookSuccesses();

            publish(event);

            await().atMost(WAIT)
                    .until(() -> deliveries(event).stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED)
                            && deliveries(event).size() == 2);
            // Counted once the outcome is recorded, so they may trail the rows by a moment.
            await().atMost(WAIT).until(() -> webhooksDelivered() >= webhooksDeliveredBefore + 1);
            await().atMost(WAIT).until(() -> webhookSuccesses() >= webhookSuccessesBefore + 1);
            assertThat(emailFirstAttempts()).isGreaterThanOrEqualTo(emailFirstAttemptsBefore + 1);
            assertThat(delivery(event, Channel.EMAIL)).isPresent();

            String prometheus = get("/actuator/prometheus").body();
            assertThat(prometheus)
                    .contains("fms_notify_deliveries_total{channel=\"webhook\",event=\"BookingConfirmed\"")
                    .contains("fms_notify_retry_backlog")
                    .contains("fms_notify_pending")
                    .contains("fms_notify_first_attempt_delay_seconds");
        }
    }

    private double webhooksDelivered() {
        var counter = meters.find("fms.notify.deliveries")
                .tag("channel", "webhook")
                .tag("event", "BookingConfirmed")
                .tag("outcome", "delivered")
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private long emailFirstAttempts() {
        var timer = meters.find("fms.notify.first.attempt.delay")
                .tag("channel", "email")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private long webhookSuccesses() {
        var timer = meters.find("fms.notify.attempts")
                .tag("channel", "webhook")
                .tag("outcome", "success")
                .timer();
        return timer == null ? 0 : timer.count();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
