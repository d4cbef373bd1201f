package io.fms.support;

import io.lettuce.core.resource.Delay;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How soon a service talks to a Redis node again after it came back. Lettuce's default back-off doubles up to 30 s,
 * so a master that restarted after a few seconds away was still unused seconds after it answered: every request
 * whose key lives there failed meanwhile (503 at intake). Capped at a second, a node is used again within one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ClientResourcesBuilderCustomizer.class)
class RedisReconnect {

    static final Duration FIRST = Duration.ofMillis(50);
    static final Duration LONGEST = Duration.ofSeconds(1);

    @Bean
    ClientResourcesBuilderCustomizer fmsRedisReconnect() {
        return resources -> resources.reconnectDelay(
                Delay.exponential(FIRST, LONGEST, 2, java.util.concurrent.TimeUnit.MILLISECONDS));
    }
}
