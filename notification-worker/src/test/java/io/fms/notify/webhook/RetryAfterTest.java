package io.fms.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void readsSecondsAndHttpDates() {
        assertThat(WebhookSender.retryAfterMs(answer("120"), NOW)).isEqualTo(120_000L);
        assertThat(WebhookSender.retryAfterMs(answer("Tue, 01 Dec 2026 10:05:00 GMT"), NOW))
                .isEqualTo(300_000L);
        assertThat(WebhookSender.retryAfterMs(answer("Tue, 01 Dec 2026 09:00:00 GMT"), NOW))
                .as("a date already past: retry as soon as the backoff says")
                .isZero();
    }

    @Test
    void anAbsentOrUnreadableHeaderAsksNothing() {
        assertThat(WebhookSender.retryAfterMs(new BasicClassicHttpResponse(503), NOW))
                .isNull();
        assertThat(WebhookSender.retryAfterMs(answer("soon"), NOW)).isNull();
        assertThat(WebhookSender.retryAfterMs(answer("99999999999999999999"), NOW))
                .isNull();
    }

    private static BasicClassicHttpResponse answer(String retryAfter) {
        BasicClassicHttpResponse response = new BasicClassicHttpResponse(503);
        response.addHeader("Retry-After", retryAfter);
        return response;
    }
}
