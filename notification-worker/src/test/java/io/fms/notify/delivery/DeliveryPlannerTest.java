package io.fms.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.fms.notify.TestEvents;
import io.fms.notify.TestProperties;
import org.junit.jupiter.api.Test;

class DeliveryPlannerTest {

    @Test
    void anEmailWhereThereIsAnAddressAndAWebhookWhereThereIsAUrl() {
        var planner = new DeliveryPlanner(TestProperties.of("secret", false));
        assertThat(planner.plan(TestEvents.confirmed("a@example.com", "https://hooks.example/fms")))
                .containsExactly(
                        new PlannedDelivery(Channel.EMAIL, "a@example.com", DeliveryStatus.PENDING, null),
                        new PlannedDelivery(
                                Channel.WEBHOOK, "https://hooks.example/fms", DeliveryStatus.PENDING, null));
        assertThat(planner.plan(TestEvents.confirmed(null, " "))).isEmpty();
        assertThat(planner.plan(TestEvents.confirmed("", "https://hooks.example/fms")))
                .extracting(PlannedDelivery::channel)
                .containsExactly(Channel.WEBHOOK);
    }

    @Test
    void withoutASigningSecretWebhooksAreSkippedWithTheReason() {
        var planner = new DeliveryPlanner(TestProperties.of(null, false));
        assertThat(planner.plan(TestEvents.confirmed("a@example.com", "https://hooks.example/fms")))
                .containsExactly(
                        new PlannedDelivery(Channel.EMAIL, "a@example.com", DeliveryStatus.PENDING, null),
                        new PlannedDelivery(
                                Channel.WEBHOOK,
                                "https://hooks.example/fms",
                                DeliveryStatus.SKIPPED,
                                DeliveryPlanner.NO_SECRET_REASON));
    }
}
