package io.fms.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line refuses what it cannot measure honestly, before anything starts. */
class BenchMainTest {

    private static final Stack STACK = new Stack(
            Path.of("/nowhere"),
            URI.create("http://localhost:3000"),
            "key",
            "localhost:9092",
            "jdbc:postgresql://localhost:5432/fms",
            "fms",
            "fms",
            "localhost",
            6379);

    @Test
    void theWithHoldsVariantIsRefusedUntilEverySystemHolds() {
        assertThatThrownBy(() -> BenchMain.run(new String[] {"contention", "--hold-share", "0.2"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("with holds");
    }

    @Test
    void theApiMustBePlainHttpWithAHost() {
        assertThatThrownBy(() -> BenchMain.run(new String[] {"hot-trip", "--api", "https://staging.example"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> BenchMain.run(new String[] {"warp-speed"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("contention");
    }

    @Test
    void aDatabaseLatencyNeedsTheProxyOfThatLatencyInFrontOfEverySystem() {
        assertThat(BenchMain.dbRoute(STACK, 0, Map.of()))
                .isEqualTo(new BenchConfig.DbRoute("jdbc:postgresql://localhost:5432/fms", "localhost", 6379));
        assertThatThrownBy(() -> BenchMain.dbRoute(STACK, 1, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("infra/fms bench");
        Map<String, String> proxied = Map.of(
                BenchMain.PROXY_POSTGRES_URL, "jdbc:postgresql://localhost:15432/fms",
                BenchMain.PROXY_REDIS_PORT, "16379",
                BenchMain.PROXY_DELAY_MS, "1");
        assertThat(BenchMain.dbRoute(STACK, 1, proxied))
                .isEqualTo(new BenchConfig.DbRoute("jdbc:postgresql://localhost:15432/fms", "localhost", 16379));
        assertThatThrownBy(() -> BenchMain.dbRoute(STACK, 5, proxied))
                .as("a proxy of another latency would measure that one")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
