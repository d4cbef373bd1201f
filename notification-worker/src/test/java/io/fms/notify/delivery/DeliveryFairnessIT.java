package io.fms.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fms.events.BookingEvent;
import io.fms.notify.NotifyProperties;
import io.fms.notify.TestEvents;
import io.fms.notify.TestMail;
import io.fms.notify.TestProperties;
import io.fms.notify.TestReceiver;
import io.fms.notify.email.EmailSender;
import io.fms.notify.webhook.WebhookHttpClient;
import io.fms.notify.webhook.WebhookSender;
import io.fms.support.callback.CallbackUrlPolicy.HostResolver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Slow receivers hold the workers they are given and no more: a domain its share however many host names it mints,
 * the webhooks their own pool, the mail server its own. A dispatcher of its own on a database of its own, real
 * loopback receivers (reached under {@code *.co.uk} names through a table, not DNS), GreenMail, and a silent SMTP
 * server. Each test runs well inside the request timeout, so a hanging attempt is still in flight when it ends.
 */
class DeliveryFairnessIT {

    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    private static final HostResolver LOOPBACK_NAMES = host -> {
        if (!host.endsWith(".co.uk")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})};
    };

    private DeliveryLog deliveryLog;
    private final List<AutoCloseable> closeAfter = new CopyOnWriteArrayList<>();

    @BeforeEach
    void database() {
        deliveryLog = FreshDeliveryLog.create().deliveryLog();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : closeAfter.reversed()) {
            closeable.close();
        }
    }

    @Test
    void aReceiverMintingHostNamesHoldsItsDomainsShareAndAnotherDomainStillGetsThrough() throws Exception {
        try (var tarpit = TestReceiver.answering(TestReceiver.HANG);
                var good = TestReceiver.answering(200)) {
            start(properties(8, 2, 2), mailServer(TestMail.smtpPort()));
            for (char c = 'a'; c <= 'z'; c++) {
                record(webhook("http://" + c + ".tarpit.co.uk:" + tarpit.port() + "/hooks"));
            }

            await().atMost(PROMPTLY).until(() -> tarpit.requests().size() >= 2);
            // The dispatcher polls every 50 ms meanwhile, with six webhook workers free and 24 deliveries due.
            await().during(Duration.ofMillis(600))
                    .atMost(Duration.ofSeconds(2))
                    .until(() -> tarpit.requests().size() == 2);
            assertThat(tarpit.requests()).extracting(TestReceiver.Request::host).doesNotHaveDuplicates();

            record(webhook("http://hooks.receiver.co.uk:" + good.port() + "/hooks"));
            await().atMost(PROMPTLY).until(() -> good.requests().size() == 1);
            assertThat(tarpit.requests()).hasSize(2);
        }
    }

    @Test
    void anEmailGoesOutWhileSlowReceiversHoldEveryWebhookWorker() throws Exception {
        try (var tarpit = TestReceiver.answering(TestReceiver.HANG)) {
            start(properties(2, 2, 1), mailServer(TestMail.smtpPort()));
            record(webhook("http://a.tarpit.co.uk:" + tarpit.port() + "/hooks"));
            record(webhook("http://b.slow.co.uk:" + tarpit.port() + "/hooks"));
            await().atMost(PROMPTLY).until(() -> tarpit.requests().size() == 2);

            String recipient = TestEvents.uniqueEmail();
            record(TestEvents.confirmed(recipient, null));

            await().atMost(PROMPTLY).until(() -> TestMail.messagesTo(recipient).size() == 1);
            assertThat(tarpit.requests()).hasSize(2);
        }
    }

    @Test
    void webhooksGoOutWhileASlowMailServerHoldsEveryEmailWorker() throws Exception {
        try (var silentSmtp = new SilentServer();
                var good = TestReceiver.answering(200)) {
            start(properties(2, 2, 1), mailServer(silentSmtp.port()));
            record(TestEvents.confirmed(TestEvents.uniqueEmail(), null));
            record(TestEvents.confirmed(TestEvents.uniqueEmail(), null));
            await().atMost(PROMPTLY).until(() -> silentSmtp.connections() >= 1);

            record(webhook("http://hooks.receiver.co.uk:" + good.port() + "/hooks"));
            record(webhook("http://hooks.other.co.uk:" + good.port() + "/hooks"));

            await().atMost(PROMPTLY).until(() -> good.requests().size() == 2);
            assertThat(silentSmtp.connections())
                    .as("one email worker, still held")
                    .isEqualTo(1);
        }
    }

    private static NotifyProperties properties(int webhookThreads, int domainConcurrencyMax, int emailThreads) {
        var source = new MapConfigurationPropertySource();
        Map.ofEntries(
                        Map.entry("webhook-secret", "fairness-secret"),
                        Map.entry("allow-loopback", "true"),
                        Map.entry("connect-timeout-ms", "500"),
                        // Far beyond each test: an attempt at a tarpit holds its worker until the test is over.
                        Map.entry("read-timeout-ms", "20000"),
                        Map.entry("request-timeout-ms", "20000"),
                        Map.entry("lease-ms", "40000"),
                        Map.entry("retry-base-ms", "100"),
                        Map.entry("retry-cap-ms", "400"),
                        Map.entry("retry-horizon-ms", "60000"),
                        Map.entry("poll-interval-ms", "50"),
                        Map.entry("shutdown-grace-ms", "0"),
                        Map.entry("webhook-threads", Integer.toString(webhookThreads)),
                        Map.entry("domain-concurrency-max", Integer.toString(domainConcurrencyMax)),
                        Map.entry("email-threads", Integer.toString(emailThreads)))
                .forEach((name, value) -> source.put("fms.notify." + name, value));
        return TestProperties.bind(source);
    }

    private static JavaMailSenderImpl mailServer(int port) {
        var mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        var settings = new Properties();
        settings.put("mail.smtp.connectiontimeout", "20000");
        settings.put("mail.smtp.timeout", "20000");
        mail.setJavaMailProperties(settings);
        return mail;
    }

    private void start(NotifyProperties properties, JavaMailSenderImpl mail) {
        Clock clock = Clock.systemUTC();
        var metrics = new NotificationMetrics(new SimpleMeterRegistry());
        var webhooks = new WebhookSender(properties, WebhookHttpClient.create(properties), LOOPBACK_NAMES, clock);
        closeAfter.add(webhooks);
        var runner = new AttemptRunner(
                List.of(webhooks, new EmailSender(mail, properties)),
                deliveryLog,
                new RetryPolicy(
                        properties.retryBaseMs(),
                        properties.retryCapMs(),
                        properties.retryHorizonMs(),
                        properties.attemptsMax(),
                        RandomGenerator.getDefault()),
                // Nothing dies within a test: the horizon is a minute away.
                new DeadLetters(null, properties, metrics),
                metrics,
                clock,
                properties,
                untraced());
        var dispatcher = new DeliveryDispatcher(deliveryLog, runner, metrics, clock, properties);
        dispatcher.start();
        closeAfter.add(dispatcher::stop);
    }

    /** Tracing as a worker without a tracer has it. */
    private static DeliveryTraces untraced() {
        var noBeans = new StaticListableBeanFactory();
        return new DeliveryTraces(noBeans.getBeanProvider(Tracer.class), noBeans.getBeanProvider(Propagator.class));
    }

    private static BookingEvent webhook(String url) {
        return TestEvents.confirmed(null, url);
    }

    private void record(BookingEvent event) {
        IncomingEvent incoming = event.callbackUrl() != null
                ? FreshDeliveryLog.pending(event, Channel.WEBHOOK, event.callbackUrl())
                : FreshDeliveryLog.pending(event, Channel.EMAIL, event.contactEmail());
        deliveryLog.record(List.of(incoming), Clock.systemUTC().instant());
    }

    /** Takes SMTP connections and never greets: a mail server that hangs. */
    private static final class SilentServer implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> accepted = new CopyOnWriteArrayList<>();

        SilentServer() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().name("silent-smtp").start(() -> {
                try {
                    while (true) {
                        accepted.add(server.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        int connections() {
            return accepted.size();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
