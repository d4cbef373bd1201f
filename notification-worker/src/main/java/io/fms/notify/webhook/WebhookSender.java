package io.fms.notify.webhook;

import io.fms.notify.NotifyProperties;
import io.fms.notify.delivery.AttemptOutcome;
import io.fms.notify.delivery.AttemptResult;
import io.fms.notify.delivery.Channel;
import io.fms.notify.delivery.ChannelSender;
import io.fms.notify.delivery.DueDelivery;
import io.fms.support.callback.CallbackUrlPolicy;
import io.fms.support.callback.CallbackUrlPolicy.Accepted;
import io.fms.support.callback.CallbackUrlPolicy.HostResolver;
import io.fms.support.callback.CallbackUrlPolicy.Refused;
import io.fms.support.tracing.TraceParent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * POSTs the event JSON, signed, to the booking's callback URL. At send time the URL is checked again and its host
 * resolved once; the connection goes to an address from that checked answer, never to a fresh lookup, so DNS that
 * changes after the check (rebinding) cannot steer us into our own network.
 */
public class WebhookSender implements ChannelSender, AutoCloseable {

    public static final String HEADER_EVENT_ID = "FMS-Event-Id";

    private static final ContentType JSON = ContentType.create("application/json");

    private final CloseableHttpClient http;
    private final HostResolver resolver;
    private final Clock clock;
    private final String secret;
    private final StandardWebhookSignature standardSignature;
    private final boolean allowLoopback;
    private final long requestTimeoutMs;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("webhook-deadlines").daemon().factory());

    public WebhookSender(NotifyProperties properties, CloseableHttpClient http, HostResolver resolver, Clock clock) {
        this.http = http;
        this.resolver = resolver;
        this.clock = clock;
        // The older header is made with the current secret's text, as receivers written against it expect.
        this.secret = properties.webhookSecret() == null
                ? null
                : StandardWebhookSignature.current(properties.webhookSecret());
        this.standardSignature =
                properties.webhookSecret() == null ? null : new StandardWebhookSignature(properties.webhookSecret());
        this.allowLoopback = properties.allowLoopback();
        this.requestTimeoutMs = properties.requestTimeoutMs();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    /** One receiver's registered domain: every host under it shares one concurrency limit. */
    @Override
    public String concurrencyKey(DueDelivery delivery) {
        try {
            String host = URI.create(delivery.destination()).getHost();
            return host == null ? delivery.destination() : RegisteredDomain.of(host);
        } catch (IllegalArgumentException e) {
            return delivery.destination();
        }
    }

    @Override
    public AttemptResult send(DueDelivery delivery, int attempt) {
        if (secret == null) {
            return AttemptResult.failure(
                    AttemptOutcome.INVALID_MESSAGE, "not sent: no signing secret (FMS_WEBHOOK_SECRET) is configured");
        }
        boolean[] lookupFailed = {false};
        var policy = new CallbackUrlPolicy(allowLoopback, host -> {
            try {
                return resolver.resolve(host);
            } catch (UnknownHostException e) {
                lookupFailed[0] = true;
                throw e;
            }
        });
        var verdict = policy.evaluate(delivery.destination());
        if (verdict instanceof Refused refused) {
            return AttemptResult.failure(
                    lookupFailed[0] ? AttemptOutcome.UNRESOLVED : AttemptOutcome.REFUSED, refused.reason());
        }
        Accepted accepted = (Accepted) verdict;
        // Successive attempts rotate over the host's addresses, so one dead address does not doom the delivery.
        InetAddress address =
                accepted.addresses().get((attempt - 1) % accepted.addresses().size());
        return post(accepted, address, delivery);
    }

    private AttemptResult post(Accepted accepted, InetAddress address, DueDelivery delivery) {
        String scheme = accepted.uri().getScheme().toLowerCase(Locale.ROOT);
        // The address to connect to, and the name for the Host header, SNI and the certificate check.
        HttpHost target = new HttpHost(scheme, address, accepted.host(), accepted.port());
        HttpPost post = new HttpPost(accepted.uri());
        String id = delivery.eventId().toString();
        long now = clock.instant().getEpochSecond();
        // Standard Webhooks: the event ID is the message ID, the same on every retry, for receivers to de-duplicate.
        post.setHeader(StandardWebhookSignature.HEADER_ID, id);
        post.setHeader(StandardWebhookSignature.HEADER_TIMESTAMP, Long.toString(now));
        post.setHeader(
                StandardWebhookSignature.HEADER_SIGNATURE, standardSignature.signature(id, now, delivery.payload()));
        post.setHeader(HEADER_EVENT_ID, id);
        // The booking's trace goes on to the receiver: the attempt's own span when tracing runs, else the event's.
        String traceparent = TraceParent.outgoing(delivery.traceparent());
        if (traceparent != null) {
            post.setHeader(TraceParent.HEADER, traceparent);
        }
        post.setHeader(WebhookSignature.HEADER, WebhookSignature.header(secret, now, delivery.payload()));
        post.setEntity(new ByteArrayEntity(delivery.payload(), JSON));
        // Read timeouts reset with every byte; this bounds a receiver that drips its answer.
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, requestTimeoutMs, TimeUnit.MILLISECONDS);
        try (ClassicHttpResponse response = http.executeOpen(target, post, null)) {
            // The body is not read: nothing in it changes the outcome, and a hostile one could be endless.
            return AttemptResult.httpStatus(response.getCode(), retryAfterMs(response, clock.instant()));
        } catch (ConnectTimeoutException e) {
            return AttemptResult.failure(AttemptOutcome.TIMEOUT, "connect timed out: " + e.getMessage());
        } catch (SocketTimeoutException e) {
            return AttemptResult.failure(AttemptOutcome.TIMEOUT, "receiver did not answer in time (read timeout)");
        } catch (ConnectException e) {
            return AttemptResult.failure(AttemptOutcome.CONNECTION_ERROR, "connection refused: " + e.getMessage());
        } catch (InterruptedIOException e) {
            if (post.isCancelled()) {
                return AttemptResult.failure(
                        AttemptOutcome.TIMEOUT, "receiver did not finish answering within " + requestTimeoutMs + " ms");
            }
            return AttemptResult.failure(AttemptOutcome.TIMEOUT, "receiver did not answer in time");
        } catch (IOException e) {
            // The attempt log is shown to clients: it says what happened on the wire, never our class names.
            return AttemptResult.failure(
                    AttemptOutcome.CONNECTION_ERROR,
                    "connection to the receiver failed" + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            deadline.cancel(false);
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }

    /**
     * {@code Retry-After} in milliseconds from now, as seconds or as an HTTP date (RFC 9110); null when absent or
     * unreadable. Bounded by the retry horizon where it is used, not here.
     */
    static Long retryAfterMs(ClassicHttpResponse response, Instant now) {
        Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().strip();
        try {
            return Math.max(0, Math.multiplyExact(Long.parseLong(value), 1000L));
        } catch (NumberFormatException | ArithmeticException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return Math.max(0, Duration.between(now, at).toMillis());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
