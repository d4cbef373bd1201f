package io.fms.notify.webhook;

import io.fms.notify.NotifyProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client webhooks go out on. Apache HttpClient rather than the JDK's because it can connect to an address
 * we chose (the one the SSRF policy checked) while TLS (SNI, certificate check) and the Host header keep the URL's
 * name; the JDK client resolves the name itself and offers no such split.
 */
public final class WebhookHttpClient {

    private WebhookHttpClient() {}

    public static CloseableHttpClient create(NotifyProperties properties) {
        Timeout connect = Timeout.ofMilliseconds(properties.connectTimeoutMs());
        Timeout read = Timeout.ofMilliseconds(properties.readTimeoutMs());
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(read)
                        .setTimeToLive(TimeValue.of(properties.connectionTtlMs(), TimeUnit.MILLISECONDS))
                        .build())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(read).build())
                .setMaxConnTotal(properties.webhookThreads())
                .setMaxConnPerRoute(properties.domainConcurrencyMax())
                // Every request names the checked address to connect to; a lookup by name here would be a bug.
                .setDnsResolver(new RefusingDnsResolver())
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(connect)
                        .setResponseTimeout(read)
                        .setRedirectsEnabled(false)
                        .build())
                // A redirect would lead to an address nobody checked; a 3xx is a failed attempt.
                .disableRedirectHandling()
                // Retries are ours: recorded, backed off, bounded.
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("FMS-Webhooks/1")
                .build();
    }

    private static final class RefusingDnsResolver implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            throw new UnknownHostException("webhooks connect only to addresses checked by CallbackUrlPolicy: " + host);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            throw new UnknownHostException("no lookups for webhooks: " + host);
        }
    }
}
