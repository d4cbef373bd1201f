package io.fms.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one bench run measured: what the Markdown report, the chart and {@code --json} show. The JSON is this
 * record written by {@link Report#json}: snake_case names in declaration order, NaN as null ("not measured"), and a
 * null component left out where it says so ("does not apply to this system").
 *
 * @param systems by name, in the order they ran
 * @param skipped system or ceiling name to the reason it was not measured; absent when nothing was skipped
 */
public record BenchResult(
        String scenario,
        RunConfig config,
        Map<String, SystemFigures> systems,
        CeilingResults ceilings,
        Map<String, Double> sharesOfCeilings,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> skipped,
        boolean checksHold,
        List<Target> targets) {

    /** The derived parts (shares of the ceilings, whether the checks hold, the targets) from the measured ones. */
    static BenchResult of(
            String scenario,
            RunConfig config,
            Map<String, SystemFigures> systems,
            CeilingResults ceilings,
            Map<String, String> skipped) {
        return new BenchResult(
                scenario,
                config,
                systems,
                ceilings,
                shares(systems.get("fms"), ceilings),
                skipped,
                checksHold(systems.values()),
                Targets.judge(scenario, config.requests(), systems, ceilings));
    }

    /** What the run was asked for. */
    public record RunConfig(
            int requests,
            int trips,
            int seatsPerTrip,
            long seatsAsked,
            int connections,
            double ratePerS,
            int warmup,
            long seed,
            double zipfExponent,
            double explicitShare,
            int drainCommands,
            int cores) {

        static RunConfig of(BenchConfig config, Workload workload, int cores) {
            return new RunConfig(
                    workload.size(),
                    workload.trips(),
                    Workload.CAPACITY,
                    workload.seatsDemanded(),
                    config.connections(),
                    config.ratePerSecond(),
                    config.warmup(),
                    config.seed(),
                    config.scenario().equals("hot-trip") ? 0 : config.zipfExponent(),
                    config.explicitShare(),
                    config.drainCommands(),
                    cores);
        }
    }

    /**
     * One system's figures, flat in the JSON: the measurement, CPU, the checks by SQL and what only some systems have.
     *
     * @param undecidedEvents FMS: accepted requests whose decision event never came
     * @param checks null for the HTTP ceiling, which books nothing
     * @param requestsPerS the HTTP ceiling's rate
     */
    public record SystemFigures(
            @JsonUnwrapped Measurement measured,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer undecidedEvents,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer unreadableEvents,
            @JsonUnwrapped Cpu cpu,
            double generatorCpuShareIntake,
            @JsonUnwrapped Checks.Result checks,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double requestsPerS,
            @JsonInclude(JsonInclude.Include.NON_NULL) FmsSystem.DrainProbe drainProbe,
            @JsonInclude(JsonInclude.Include.NON_NULL) HalfRatePhase halfRatePhase) {

        static SystemFigures baseline(
                Measurement measured, Cpu cpu, double generatorCpuShareIntake, Checks.Result checks) {
            return new SystemFigures(measured, null, null, cpu, generatorCpuShareIntake, checks, null, null, null);
        }

        static SystemFigures httpCeiling(Measurement measured, Cpu cpu, double generatorCpuShareIntake) {
            return new SystemFigures(
                    measured, null, null, cpu, generatorCpuShareIntake, null, measured.ingestPerS(), null, null);
        }

        SystemFigures withDrainProbe(FmsSystem.DrainProbe probe) {
            return with(probe, halfRatePhase);
        }

        SystemFigures withHalfRatePhase(HalfRatePhase phase) {
            return with(drainProbe, phase);
        }

        private SystemFigures with(FmsSystem.DrainProbe probe, HalfRatePhase phase) {
            return new SystemFigures(
                    measured,
                    undecidedEvents,
                    unreadableEvents,
                    cpu,
                    generatorCpuShareIntake,
                    checks,
                    requestsPerS,
                    probe,
                    phase);
        }
    }

    /**
     * FMS after its closed-loop run: open loop at half the ingest it measured, on fresh trips; or why it did not run
     * ({@code skipped}, then the only field).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HalfRatePhase(
            @JsonUnwrapped SystemFigures figures, Double ratePerS, Integer requests, Integer trips, String skipped) {

        static HalfRatePhase measured(SystemFigures figures, double ratePerS, int requests, int trips) {
            return new HalfRatePhase(figures, ratePerS, requests, trips, null);
        }

        static HalfRatePhase skipped(String why) {
            return new HalfRatePhase(null, null, null, null, why);
        }
    }

    /**
     * CPU seconds while the measured requests went out: the system's processes (whole trees), the rest of the stack,
     * the load generator and the whole machine, the shares of all cores.
     */
    public record Cpu(
            double wallS,
            double cpuS,
            @JsonProperty("cpu_s_by_process") Map<String, Double> cpuSByProcess,
            @JsonProperty("cpu_s_other_stack") Map<String, Double> cpuSOtherStack,
            double generatorCpuS,
            double generatorCpuShare,
            double machineCpuShare) {

        /** @param counted the processes that make up the system (names of the samples' process trees) */
        static Cpu between(CpuMeter.Sample before, CpuMeter.Sample after, List<String> counted, int cores) {
            Map<String, Double> used = CpuMeter.used(before.processes(), after.processes());
            double wall = (after.atNs() - before.atNs()) / 1e9;
            double total = 0;
            Map<String, Double> mine = new LinkedHashMap<>();
            for (String process : counted) {
                Double seconds = used.get(process);
                if (seconds != null) {
                    mine.put(process, seconds);
                    total += seconds;
                }
            }
            Map<String, Double> others = new LinkedHashMap<>();
            used.forEach((process, seconds) -> {
                if (!mine.containsKey(process)) {
                    others.put(process, seconds);
                }
            });
            double generator = after.generatorSeconds() - before.generatorSeconds();
            return new Cpu(
                    wall,
                    total,
                    mine,
                    others,
                    generator,
                    generator / (wall * cores),
                    (after.machineSeconds() - before.machineSeconds()) / (wall * cores));
        }
    }

    /** The ceilings that ran; each null (and absent) when not asked for or failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CeilingResults(SystemFigures http, Ceilings.Kafka kafka, Ceilings.Postgres postgres) {

        boolean none() {
            return http == null && kafka == null && postgres == null;
        }
    }

    /** @param met null when the run could not judge it, never true by default */
    public record Target(String target, String measured, Boolean met) {}

    /** Each FMS figure against the ceiling it is bounded by; empty without FMS. */
    private static Map<String, Double> shares(SystemFigures fms, CeilingResults ceilings) {
        Map<String, Double> shares = new LinkedHashMap<>();
        if (fms == null) {
            return shares;
        }
        double ingest = fms.measured().ingestPerS();
        double drain = fms.drainProbe() != null
                ? fms.drainProbe().decisionsPerS()
                : fms.measured().backlogDrainPerS();
        if (ceilings.http() != null) {
            shares.put("ingest_of_http", ingest / ceilings.http().requestsPerS());
        }
        if (ceilings.kafka() != null) {
            shares.put("ingest_of_kafka_produce", ingest / ceilings.kafka().recordsPerS());
            shares.put("drain_of_kafka_produce", drain / ceilings.kafka().recordsPerS());
        }
        if (ceilings.postgres() != null) {
            shares.put("drain_of_postgres_insert", drain / ceilings.postgres().rowsPerS());
        }
        return shares;
    }

    /** Every system's checks, and those of FMS's half-rate phase when it ran, found nothing. */
    private static boolean checksHold(Iterable<SystemFigures> systems) {
        List<Checks.Result> checked = new ArrayList<>();
        for (SystemFigures figures : systems) {
            checked.add(figures.checks());
            HalfRatePhase phase = figures.halfRatePhase();
            if (phase != null && phase.skipped() == null) {
                checked.add(phase.figures().checks());
            }
        }
        return checked.stream().allMatch(checks -> checks != null && checks.hold());
    }
}
