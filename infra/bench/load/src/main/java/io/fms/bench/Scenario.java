package io.fms.bench;

import io.fms.bench.Workload.Layout;
import io.fms.bench.Workload.Shape;
import java.util.List;

/**
 * The workloads the bench knows, with their defaults; every default can be overridden on the command line.
 *
 * <ul>
 *   <li>{@code hot-trip}: one trip of 180 seats, 20,000 requests as fast as they come.
 *   <li>{@code peak-sale}: 1,500,000 requests over 2,000 trips of 180 seats, trip k with weight 1/k; scaled down with
 *       {@code --requests}, the trips scale with it (the demand-to-seats ratio and the skew stay those of the full
 *       run).
 *   <li>{@code contention}: demand about three times the supply on 20 trips of 850 seats that stay open long enough to
 *       fight over: most requests name popular seats (front rows, crowded), 15 % of confirmed bookings are cancelled
 *       during the run so trips hover near full, 256 connections.
 * </ul>
 *
 * @param label the scenario's name on the command line and in reports
 * @param requests the requests of a full run
 * @param defaults the requests' shape unless the command line says otherwise (no scenario holds by default)
 * @param connections the load's keep-alive connections
 */
public record Scenario(String label, int requests, Shape defaults, int connections) {

    public static final Scenario HOT_TRIP =
            new Scenario("hot-trip", 20_000, new Shape(Layout.NARROW_BODY, 0, 0.5, 2, 0, 0), 64);
    public static final Scenario PEAK_SALE =
            new Scenario("peak-sale", 1_500_000, new Shape(Layout.NARROW_BODY, 1.0, 0.5, 2, 0, 0), 64);
    public static final Scenario CONTENTION =
            new Scenario("contention", 20_000, new Shape(Layout.WIDE_BODY, 0, 0.8, 3, 0.15, 0), 256);
    public static final List<Scenario> ALL = List.of(HOT_TRIP, PEAK_SALE, CONTENTION);

    public static final int PEAK_SALE_TRIPS = 2_000;
    public static final int CONTENTION_TRIPS = 20;

    public static Scenario named(String name) {
        return ALL.stream()
                .filter(s -> s.label.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + name + "; known: "
                        + String.join(", ", ALL.stream().map(Scenario::label).toList())));
    }

    /** hot-trip and contention spread requests evenly over their trips; peak-sale's popularity is Zipf-skewed. */
    public boolean zipfApplies() {
        return equals(PEAK_SALE);
    }

    /** The scenario's shape with the figures the command line may override. */
    public Shape shape(double zipf, double explicit, double cancel, double hold) {
        return new Shape(defaults.layout(), zipfApplies() ? zipf : 0, explicit, defaults.rowSkew(), cancel, hold);
    }

    /**
     * peak-sale and contention keep their demand-to-seats ratio when scaled: 2,000 trips per 1.5 million requests,
     * 20 per 20,000.
     */
    public int trips(int requests) {
        if (equals(PEAK_SALE)) {
            return (int) Math.max(1, Math.round((double) PEAK_SALE_TRIPS * requests / PEAK_SALE.requests));
        }
        if (equals(CONTENTION)) {
            return (int) Math.max(1, Math.round((double) CONTENTION_TRIPS * requests / CONTENTION.requests));
        }
        return 1;
    }

    public int drainCommands(int requests) {
        return equals(PEAK_SALE) ? Math.min(requests, 50_000) : 0;
    }

    public int halfRatePhaseSeconds() {
        return equals(PEAK_SALE) ? 30 : 0;
    }

    /** The figure a run is ranked by when repeated (the median run is the median of this). */
    public String headline() {
        return equals(CONTENTION) ? "confirmed_per_s" : "decisions_per_s";
    }

    @Override
    public String toString() {
        return label;
    }
}
