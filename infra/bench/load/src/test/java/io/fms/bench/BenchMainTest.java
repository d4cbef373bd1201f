package io.fms.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line refuses what it cannot measure honestly, before anything starts. */
class BenchMainTest {

    private static final Stack STACK = Fixtures.STACK;

    @Test
    void holdsAndPaymentsOutsideTheSystemsLimitsAreRefused() {
        assertThatThrownBy(
                        () -> BenchMain.run(new String[] {"contention", "--hold-share", "0.5", "--hold-seconds", "29"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--hold-seconds");
        assertThatThrownBy(() -> BenchMain.run(new String[] {"contention", "--hold-seconds", "1801"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--hold-seconds");
        assertThatThrownBy(() -> BenchMain.run(new String[] {"contention", "--abandon-share", "1.5"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--abandon-share");
        assertThatThrownBy(() -> BenchMain.run(new String[] {"contention", "--pay-after-ms", "-1"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--pay-after-ms");
    }

    @Test
    void theSameClientsAbandonTheirHoldsInEverySystemAboutTheShareAsked() {
        Payments payments = new Payments(30, 0, 0.1, true);
        int abandoned = 0;
        for (int i = 0; i < 10_000; i++) {
            abandoned += payments.abandons(i) ? 1 : 0;
            assertThat(payments.abandons(i)).isEqualTo(new Payments(60, 5, 0.1, false).abandons(i));
        }
        assertThat(abandoned).isBetween(900, 1100);
        assertThat(new Payments(30, 0, 0, true).abandons(1)).isFalse();
        assertThat(new Payments(30, 0, 1, true).abandons(1)).isTrue();
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
