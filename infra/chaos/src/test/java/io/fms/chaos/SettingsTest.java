package io.fms.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the suite is told on its command line and by the environment infra/fms chaos runs it in. */
class SettingsTest {

    @Test
    void everyFaultInOrderByDefaultOrTheNamedOnesByNameOrNumber() {
        assertThat(Settings.parse(new String[0], Map.of()).faults()).isEqualTo(Faults.ALL);
        assertThat(Settings.parse(new String[] {"kafka-kill", "5", "WORKER-KILL"}, Map.of())
                        .faults())
                .extracting(Fault::name)
                .containsExactly("kafka-kill", "scale", "worker-kill");
        assertThatThrownBy(() -> Settings.parse(new String[] {"12"}, Map.of()))
                .isInstanceOf(Settings.UsageException.class)
                .hasMessage("unknown fault '12'");
        assertThatThrownBy(() -> Settings.parse(new String[] {"--cluster"}, Map.of()))
                .isInstanceOf(Settings.UsageException.class)
                .hasMessage("--cluster needs the stack of infra/fms up --cluster");
    }

    @Test
    void theKnobsAreBounded() {
        Settings settings =
                Settings.parse(new String[] {"--rate", "20", "--duration", "30", "--drain-timeout", "60"}, Map.of());

        assertThat(settings.ratePerSecond()).isEqualTo(20);
        assertThat(settings.durationS()).isEqualTo(30);
        assertThat(settings.drainTimeoutS()).isEqualTo(60);
        assertThatThrownBy(() -> Settings.parse(new String[] {"--rate", "201"}, Map.of()))
                .hasMessage("--rate takes a number from 1 to 200, not '201'");
    }

    @Test
    void reportsStayOutOfTheCheckoutUnlessAsked() {
        Settings quiet = Settings.parse(new String[0], Map.of("FMS_CHAOS_ROOT", "/repo"));
        Settings kept = Settings.parse(new String[] {"--out", "/tmp/runs", "--update-docs"}, Map.of());

        assertThat(quiet.reportDir()).isEqualTo(Path.of("/repo/.fms/chaos"));
        assertThat(quiet.updateDocs()).isFalse();
        assertThat(kept.reportDir()).isEqualTo(Path.of("/tmp/runs"));
        assertThat(kept.updateDocs()).isTrue();
        assertThatThrownBy(() -> Settings.parse(new String[] {"--out"}, Map.of()))
                .hasMessage("--out needs a value");
        assertThatThrownBy(() -> Settings.parse(new String[] {"--out", "--update-docs"}, Map.of()))
                .hasMessage("--out needs a directory, not '--update-docs'");
    }

    @Test
    void theStackIsFoundAsInfraFmsFindsIt() {
        Settings local = Settings.parse(new String[0], Map.of("FMS_CHAOS_ROOT", "/repo", "FMS_ADMIN_API_KEY", "k"));
        Settings moved = Settings.parse(
                new String[0],
                Map.of(
                        "FMS_API_PORT", "4000",
                        "FMS_LOCAL_KAFKA_PORT", "19092",
                        "FMS_POSTGRES_URL", "jdbc:postgresql://db/fms",
                        "FMS_POSTGRES_USER", "ada"));

        assertThat(local.root()).isEqualTo(Path.of("/repo"));
        assertThat(local.apiBase()).isEqualTo("http://localhost:3000");
        assertThat(local.adminKey()).isEqualTo("k");
        assertThat(local.kafkaBootstrap()).isEqualTo("localhost:9092");
        assertThat(local.postgresUrl()).isEqualTo("jdbc:postgresql://localhost:5432/fms");
        assertThat(local.postgresUser()).isEqualTo("fms");
        assertThat(local.postgresPassword()).isEqualTo("fms");
        assertThat(moved.root()).isEqualTo(Path.of("."));
        assertThat(moved.apiBase()).isEqualTo("http://localhost:4000");
        assertThat(moved.adminKey()).isEmpty();
        assertThat(moved.kafkaBootstrap()).isEqualTo("localhost:19092");
        assertThat(moved.postgresUrl()).isEqualTo("jdbc:postgresql://db/fms");
        assertThat(moved.postgresUser()).isEqualTo("ada");
    }

    @Test
    void theUsageListsEveryFaultByNumberNameAndSummary() {
        assertThat(Settings.USAGE).isEqualTo("""
                usage: infra/fms chaos [fault ...] [--cluster] [--rate R] [--duration S] [--drain-timeout S]
                                       [--out DIR] [--update-docs]
                  faults (default: 1-8, in this order; with --cluster 9-11; by name or number):
                    1 processor-kill   kill -9 the processor at random moments, then a clean restart
                    2 postgres-stop    Postgres stopped 30 s, then started
                    3 kafka-kill       the Kafka broker killed (kill -9), then restarted
                    4 redis-flush      Redis stopped, its data deleted, started empty; earlier requests retried
                    5 scale            processor instances 1 -> 2 -> 1 -> 2 -> 1, one stalled (SIGSTOP) past its session
                    6 redelivery       consumer groups reset to the earliest offset; poison records injected
                    7 hold-expiry      40 holds, half paid, whose deadlines pass while the processor is killed
                    8 worker-kill      the notification worker killed mid-delivery (a slow webhook receiver)
                    9 broker-kill      (--cluster) one of three brokers killed (kill -9) under load, restarted after 30 s
                    10 redis-kill       (--cluster) one of three Redis masters killed (kill -9), restarted after 20 s; requests retried
                    11 cluster-scale    (--cluster) processor instances 1 -> 3 -> 1 under load
                  --rate R             booking requests per second (default 10, at most 200)
                  --duration S         seconds of load per fault (default 60, 20 to 600)
                  --drain-timeout S    how long every accepted request may take to be decided (default 240)
                  --cluster            the cluster's faults, against infra/fms up --cluster
                  --out DIR            where the report goes (default .fms/chaos/ under the repository root)
                  --update-docs        also append the table to docs/reliability.md (for a run worth keeping)
                Runs against the stack infra/fms up started; exits 1 if any check fails.""");
    }
}
