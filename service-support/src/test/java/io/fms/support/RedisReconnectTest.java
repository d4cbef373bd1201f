package io.fms.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisReconnectTest {

    @Test
    void aNodeBackAfterAnyOutageIsTriedAgainWithinASecond() {
        ClientResources.Builder builder = DefaultClientResources.builder();
        new RedisReconnect().fmsRedisReconnect().customize(builder);
        ClientResources resources = builder.build();
        try {
            Duration afterMany = resources.reconnectDelay().createDelay(30);
            assertThat(afterMany).isLessThanOrEqualTo(RedisReconnect.LONGEST);
            assertThat(resources.reconnectDelay().createDelay(1)).isLessThan(RedisReconnect.LONGEST);
        } finally {
            resources.shutdown();
        }
    }

    @Test
    void lettucesOwnDefaultWaitsFarLonger() {
        ClientResources resources = DefaultClientResources.create();
        try {
            assertThat(resources.reconnectDelay().createDelay(30)).isGreaterThan(Duration.ofSeconds(10));
        } finally {
            resources.shutdown();
        }
    }
}
