package io.fms.bench;

import io.fms.bench.Workload.Layout;
import io.fms.bench.Workload.Shape;
import java.util.Arrays;
import java.util.Locale;

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
 */
public enum Scenario {
    HOT_TRIP("hot-trip", 20_000, Layout.NARROW_BODY, 0, 0.5, 2, 0, 64),
    PEAK_SALE("peak-sale", 1_500_000, Layout.NARROW_BODY, 1.0, 0.5, 2, 0, 64),
    CONTENTION("contention", 20_000, Layout.WIDE_BODY, 0, 0.8, 3, 0.15, 256);

    public static final int PEAK_SALE_TRIPS = 2_000;
    public static final int CONTENTION_TRIPS = 20;

    private final String label;
    private final int requests;
    private final Layout layout;
    private final double zipfExponent;
    private final double explicitShare;
    private final double rowSkew;
    private final double cancelShare;
    private final int connections;

    Scenario(
            String label,
            int requests,
            Layout layout,
            double zipfExponent,
            double explicitShare,
            double rowSkew,
            double cancelShare,
            int connections) {
        this.label = label;
        this.requests = requests;
        this.layout = layout;
        this.zipfExponent = zipfExponent;
        this.explicitShare = explicitShare;
        this.rowSkew = rowSkew;
        this.cancelShare = cancelShare;
        this.connections = connections;
    }

    public static Scenario named(String name) {
        return Arrays.stream(values())
                .filter(s -> s.label.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + name + "; known: "
                        + String.join(
                                ", ",
                                Arrays.stream(values()).map(Scenario::label).toList())));
    }

    public String label() {
        return label;
    }

    public int requests() {
        return requests;
    }

    public int connections() {
        return connections;
    }

    public double explicitShare() {
        return explicitShare;
    }

    public double cancelShare() {
        return cancelShare;
    }

    /** hot-trip and contention spread requests evenly over their trips; peak-sale's popularity is Zipf-skewed. */
    public boolean zipfApplies() {
        return this == PEAK_SALE;
    }

    public double zipfExponent() {
        return zipfExponent;
    }

    public Shape shape(double zipf, double explicit, double cancel, double hold) {
        return new Shape(layout, zipfApplies() ? zipf : 0, explicit, rowSkew, cancel, hold);
    }

    /**
     * peak-sale and contention keep their demand-to-seats ratio when scaled: 2,000 trips per 1.5 million requests,
     * 20 per 20,000.
     */
    public int trips(int requests) {
        return switch (this) {
            case HOT_TRIP -> 1;
            case PEAK_SALE -> (int) Math.max(1, Math.round((double) PEAK_SALE_TRIPS * requests / PEAK_SALE.requests));
            case CONTENTION ->
                (int) Math.max(1, Math.round((double) CONTENTION_TRIPS * requests / CONTENTION.requests));
        };
    }

    public int drainCommands(int requests) {
        return this == PEAK_SALE ? Math.min(requests, 50_000) : 0;
    }

    public int halfRatePhaseSeconds() {
        return this == PEAK_SALE ? 30 : 0;
    }

    /** The figure a run is ranked by when repeated (the median run is the median of this). */
    public String headline() {
        return this == CONTENTION ? "confirmed_per_s" : "decisions_per_s";
    }

    @Override
    public String toString() {
        return label.toLowerCase(Locale.ROOT);
    }
}
