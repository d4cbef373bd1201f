package io.fms.api.booking;

import io.fms.api.ApiProperties;
import io.fms.support.callback.CallbackUrlPolicy;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether a callback URL may be accepted, by the shared SSRF guard: http(s) to a public address only, loopback
 * only where {@code FMS_WEBHOOK_ALLOW_LOOPBACK} allows it. The guard resolves the host name, so its answer is
 * waited for at most {@code fms.api.callback-check-timeout-ms}: a slow DNS server must not hold intake up. The worker
 * checks again, against the addresses it connects to, when it sends.
 */
@Component
class CallbackUrls implements DisposableBean {

    private static final String FIELD_PREFIX = "callbackUrl ";

    private final CallbackUrlPolicy policy;
    private final Duration timeout;
    private final ExecutorService lookups = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("fms-callback-check-", 0).factory());

    /** @param resolver a {@link CallbackUrlPolicy.HostResolver} bean if there is one (tests), else the system's */
    CallbackUrls(ApiProperties properties, ObjectProvider<CallbackUrlPolicy.HostResolver> resolver) {
        this.policy = new CallbackUrlPolicy(
                properties.webhookAllowLoopback(), resolver.getIfAvailable(() -> InetAddress::getAllByName));
        this.timeout = Duration.ofMillis(properties.callbackCheckTimeoutMs());
    }

    /** Empty when acceptable, else why not, worded to follow the field name. */
    Optional<String> problem(String url) {
        Future<Optional<String>> verdict = lookups.submit(() -> policy.check(url));
        try {
            return verdict.get(timeout.toMillis(), TimeUnit.MILLISECONDS).map(CallbackUrls::withoutFieldName);
        } catch (TimeoutException e) {
            verdict.cancel(true);
            return Optional.of("host could not be resolved in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("could not be checked");
        } catch (ExecutionException e) {
            return Optional.of("could not be checked");
        }
    }

    private static String withoutFieldName(String reason) {
        return reason.startsWith(FIELD_PREFIX) ? reason.substring(FIELD_PREFIX.length()) : reason;
    }

    @Override
    public void destroy() {
        lookups.shutdownNow();
    }
}
