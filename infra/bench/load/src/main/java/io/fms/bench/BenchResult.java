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
        Method method,
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
            Method method,
            Map<String, SystemFigures> systems,
            CeilingResults ceilings,
            Map<String, String> skipped) {
        return new BenchResult(
                scenario,
                config,
                method,
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
            int cores,
            String layout,
            double rowSkew,
            double cancelShare,
            double holdShare,
            @JsonInclude(JsonInclude.Include.NON_NULL) Payments payments,
            int repeat,
            int dbLatencyMs,
            String api) {

        static RunConfig of(BenchConfig config, Workload workload, int cores) {
            Workload.Shape shape = workload.shape();
            return new RunConfig(
                    workload.size(),
                    workload.trips(),
                    workload.layout().capacity(),
                    workload.seatsDemanded(),
                    config.connections(),
                    config.ratePerSecond(),
                    config.warmup(),
                    config.seed(),
                    shape.zipfExponent(),
                    shape.explicitShare(),
                    config.drainCommands(),
                    cores,
                    workload.layout().rows() + " x " + workload.layout().columns(),
                    shape.rowSkew(),
                    shape.cancelShare(),
                    shape.holdShare(),
                    shape.holdShare() > 0 ? config.payments() : null,
                    config.repeat(),
                    config.dbLatencyMs(),
                    config.stack().api().toString());
        }
    }

    /**
     * How the run measured, so that a reader can judge the figures: the warm-up each system got, the order of the
     * interleaved rounds, what was reset between systems, the durability every system ran with.
     *
     * @param warmupRule when warming stops, the same rule for every system
     * @param warmupRatesBySystem answers per second of each warm-up round, per system (its JVMs'), in order
     * @param orderByRound the systems in the order each round ran them
     * @param spread what the spread of a repeated figure is
     * @param resetBetweenSystems what ran on Postgres before each measured run, or why it could not
     * @param durability the settings found on the stack's Postgres and Redis (the same for every system)
     * @param decisionTime where a decision's time comes from, per kind of system
     * @param decisionWatcher where FMS's decision events are read
     */
    public record Method(
            String warmupRule,
            Map<String, List<Double>> warmupRatesBySystem,
            List<List<String>> orderByRound,
            String spread,
            String resetBetweenSystems,
            Map<String, String> durability,
            String decisionTime,
            String decisionWatcher) {}

    /**
     * One system's figures, flat in the JSON: the measurement, CPU, the checks by SQL and what only some systems have.
     * A repeated run shows the median run's figures (the run whose headline figure is the median) with the spread of
     * every run beside them.
     *
     * @param undecidedEvents FMS: accepted requests whose decision event never came
     * @param cpuUsPerAccepted CPU microseconds of the system's processes per request its booking path took (FMS: a
     *     {@code 202}; a baseline: every answer)
     * @param cpuUsPerDecision CPU microseconds per final decision, door {@code 409}s included
     * @param checks null for the HTTP ceiling, which books nothing
     * @param requestsPerS the HTTP ceiling's rate
     * @param repeat how many runs these figures are the median of
     * @param spread figure name (as in the JSON) to its minimum, median and maximum over the runs
     * @param checksAllRuns the checks added up over every run (any failure in any run shows)
     */
    public record SystemFigures(
            @JsonUnwrapped Measurement measured,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer undecidedEvents,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer unreadableEvents,
            @JsonUnwrapped Cpu cpu,
            double cpuUsPerAccepted,
            double cpuUsPerDecision,
            double generatorCpuShareIntake,
            @JsonUnwrapped Checks.Result checks,
            @JsonInclude(JsonInclude.Include.NON_NULL) Double requestsPerS,
            @JsonInclude(JsonInclude.Include.NON_NULL) FmsSystem.DrainProbe drainProbe,
            @JsonInclude(JsonInclude.Include.NON_NULL) HalfRatePhase halfRatePhase,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer repeat,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Spread> spread,
            @JsonInclude(JsonInclude.Include.NON_NULL) Checks.Result checksAllRuns) {

        static SystemFigures fms(
                Measurement measured,
                int undecided,
                int unreadable,
                Cpu cpu,
                double generatorShare,
                Checks.Result checks) {
            return of(measured, undecided, unreadable, cpu, generatorShare, checks, null, measured.accepted202());
        }

        static SystemFigures baseline(
                Measurement measured, Cpu cpu, double generatorCpuShareIntake, Checks.Result checks) {
            return of(
                    measured,
                    null,
                    null,
                    cpu,
                    generatorCpuShareIntake,
                    checks,
                    null,
                    measured.acceptedPath().decided());
        }

        static SystemFigures httpCeiling(Measurement measured, Cpu cpu, double generatorCpuShareIntake) {
            return of(
                    measured,
                    null,
                    null,
                    cpu,
                    generatorCpuShareIntake,
                    null,
                    measured.ingestPerS(),
                    measured.answered());
        }

        private static SystemFigures of(
                Measurement measured,
                Integer undecided,
                Integer unreadable,
                Cpu cpu,
                double generatorShare,
                Checks.Result checks,
                Double requestsPerS,
                int accepted) {
            return new SystemFigures(
                    measured,
                    undecided,
                    unreadable,
                    cpu,
                    cpu == null ? Double.NaN : cpu.cpuS() * 1e6 / accepted,
                    cpu == null ? Double.NaN : cpu.cpuS() * 1e6 / measured.decided(),
                    generatorShare,
                    checks,
                    requestsPerS,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        SystemFigures withDrainProbe(FmsSystem.DrainProbe probe) {
            return with(probe, halfRatePhase, repeat, spread, checksAllRuns);
        }

        SystemFigures withHalfRatePhase(HalfRatePhase phase) {
            return with(drainProbe, phase, repeat, spread, checksAllRuns);
        }

        SystemFigures withRepeats(int runs, Map<String, Spread> spreads, Checks.Result allRuns) {
            return with(drainProbe, halfRatePhase, runs, spreads, allRuns);
        }

        private SystemFigures with(
                FmsSystem.DrainProbe probe,
                HalfRatePhase phase,
                Integer runs,
                Map<String, Spread> spreads,
                Checks.Result allRuns) {
            return new SystemFigures(
                    measured,
                    undecidedEvents,
                    unreadableEvents,
                    cpu,
                    cpuUsPerAccepted,
                    cpuUsPerDecision,
                    generatorCpuShareIntake,
                    checks,
                    requestsPerS,
                    probe,
                    phase,
                    runs,
                    spreads,
                    allRuns);
        }

        /** The checks that decide the exit status: every run's when repeated. */
        Checks.Result checksToHold() {
            return checksAllRuns != null ? checksAllRuns : checks;
        }
    }

    /** One figure over the repeated runs: NaN runs (not measured) are left out of min, median and max. */
    public record Spread(double min, double median, double max, double[] runs) {}

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
            checked.add(figures.checksToHold());
            HalfRatePhase phase = figures.halfRatePhase();
            if (phase != null && phase.skipped() == null) {
                checked.add(phase.figures().checks());
            }
        }
        return checked.stream().allMatch(checks -> checks != null && checks.hold());
    }
}
