package io.fms.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class NotificationMetricsTest {

    @Test
    void theBacklogGaugesShowTheLastBacklogCounted() {
        var registry = new SimpleMeterRegistry();
        var metrics = new NotificationMetrics(registry);
        assertThat(registry.get("fms.notify.pending").gauge().value()).isZero();

        metrics.backlog(new DeliveryLog.Backlog(5, 2));

        assertThat(registry.get("fms.notify.pending").gauge().value()).isEqualTo(5);
        assertThat(registry.get("fms.notify.retry.backlog").gauge().value()).isEqualTo(2);
    }
}
