package io.fms.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The registry: each fault once, under the names docs/reliability.md and the report use, in the suite's order. */
class FaultsTest {

    @Test
    void everyFaultOnceInTheSuitesOrder() {
        assertThat(Faults.ALL)
                .extracting(Fault::name)
                .containsExactly(
                        "processor-kill",
                        "postgres-stop",
                        "kafka-kill",
                        "redis-flush",
                        "scale",
                        "redelivery",
                        "hold-expiry",
                        "worker-kill");
        assertThat(Faults.ALL).extracting(fault -> fault.injection().getClass()).doesNotHaveDuplicates();
        assertThat(Faults.CLUSTER)
                .extracting(Fault::name)
                .containsExactly("broker-kill", "redis-kill", "cluster-scale");
    }

    @Test
    void onlyRedeliveryDeadLettersOnPurpose() {
        assertThat(Faults.ALL)
                .filteredOn(Fault::deadLettersExpected)
                .extracting(Fault::name)
                .containsExactly("redelivery");
    }

    @Test
    void aFaultIsFoundByItsNameOrItsNumber() {
        for (int index = 0; index < Faults.ALL.size(); index++) {
            Fault fault = Faults.ALL.get(index);
            assertThat(Faults.named(fault.name())).isSameAs(fault);
            assertThat(Faults.named(String.valueOf(index + 1))).isSameAs(fault);
        }
        // The cluster's faults are numbered on after the single-node suite's.
        assertThat(Faults.named("9")).isSameAs(Faults.CLUSTER.getFirst());
        assertThat(Faults.named("redis-kill")).isSameAs(Faults.CLUSTER.get(1));
    }
}
