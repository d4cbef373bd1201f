package io.fms.bench;

import java.util.SplittableRandom;

/**
 * The requests of one run, generated once from a seed and played against every system, kept as primitive arrays
 * (1.5 million requests must not cost a gigabyte of objects).
 *
 * <p>Each request names a trip, a party of 1-4 and either a block of side-by-side seats in one row or nothing (let
 * the system choose). Explicit requests over-ask for what travellers want: front rows (the row is drawn with a
 * power skew towards row 1: {@code rows * u^skew}) and, for a single traveller, window seats three times and aisle
 * seats twice as often as middle ones. A share of the requests is marked for cancellation once confirmed, and (the
 * "with holds" variant, 0 by default) a share asks for a hold.
 */
public final class Workload {

    /** Every trip of a run has this layout: {@code rows} x {@code columns}, as FMS's catalog takes it. */
    public record Layout(int rows, String columns, int[] singleColumnWeights) {

        /** 30 x ABCDEF: window A/F, aisle C/D, middle B/E. */
        public static final Layout NARROW_BODY = new Layout(30, "ABCDEF", new int[] {3, 1, 2, 2, 1, 3});

        /** 85 x ABCDEFGHJK (3-4-3, no I): 850 seats; window A/K, aisle C/D and G/H. */
        public static final Layout WIDE_BODY = new Layout(85, "ABCDEFGHJK", new int[] {3, 1, 2, 2, 1, 1, 2, 2, 1, 3});

        public Layout {
            if (rows < 1 || rows > 127 || columns.isEmpty() || singleColumnWeights.length != columns.length()) {
                throw new IllegalArgumentException("a layout needs 1-127 rows and a weight per column");
            }
        }

        public int capacity() {
            return rows * columns.length();
        }

        /** The trip body of FMS's catalog and the baselines' {@code PUT /trips/{id}} alike. */
        String json() {
            return "\"rows\":" + rows + ",\"columns\":\"" + columns + "\"";
        }
    }

    /**
     * What the requests look like, apart from how many and over how many trips.
     *
     * @param zipfExponent trip popularity: trip k (1-based) is chosen with weight 1/k^s; 0 for uniform
     * @param explicitShare the share of requests that name their seats
     * @param rowSkew explicit requests' row is {@code 1 + rows * u^rowSkew}: 2 leans on the front, 3 crowds it
     * @param cancelShare the share of requests cancelled by their client once confirmed
     * @param holdShare the share of requests that ask for a hold ("with holds" variant; 0 until every system holds)
     */
    public record Shape(
            Layout layout,
            double zipfExponent,
            double explicitShare,
            double rowSkew,
            double cancelShare,
            double holdShare) {

        public static Shape standard(double zipfExponent, double explicitShare) {
            return new Shape(Layout.NARROW_BODY, zipfExponent, explicitShare, 2, 0, 0);
        }
    }

    public static final int PARTY_MAX = 4;

    private final int trips;
    private final Shape shape;
    private final int[] trip;
    private final byte[] party;
    /** 0 when the system chooses; else the row, 1-based. */
    private final byte[] row;
    /** The first column of the block, 0-based. */
    private final byte[] firstColumn;
    /** Bit 0: cancel once confirmed; bit 1: ask for a hold. */
    private final byte[] flags;

    private static final byte CANCEL = 1;
    private static final byte HOLD = 2;

    private Workload(int trips, int requests, Shape shape) {
        this.trips = trips;
        this.shape = shape;
        this.trip = new int[requests];
        this.party = new byte[requests];
        this.row = new byte[requests];
        this.firstColumn = new byte[requests];
        this.flags = new byte[requests];
    }

    /** The standard narrow-body shape (no cancellations, no holds). */
    public static Workload generate(int trips, int requests, double zipfExponent, double explicitShare, long seed) {
        return generate(trips, requests, Shape.standard(zipfExponent, explicitShare), seed);
    }

    public static Workload generate(int trips, int requests, Shape shape, long seed) {
        if (trips < 1 || requests < 1) {
            throw new IllegalArgumentException("a workload needs at least one trip and one request");
        }
        Workload workload = new Workload(trips, requests, shape);
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = new double[trips];
        double sum = 0;
        for (int k = 0; k < trips; k++) {
            sum += 1 / Math.pow(k + 1, shape.zipfExponent());
            cumulative[k] = sum;
        }
        Layout layout = shape.layout();
        int columns = layout.columns().length();
        for (int i = 0; i < requests; i++) {
            workload.trip[i] = pick(cumulative, random.nextDouble() * sum);
            int size = 1 + random.nextInt(Math.min(PARTY_MAX, columns));
            workload.party[i] = (byte) size;
            if (random.nextDouble() < shape.explicitShare()) {
                double u = random.nextDouble();
                workload.row[i] = (byte) (1 + (int) (layout.rows() * Math.pow(u, shape.rowSkew())));
                workload.firstColumn[i] = (byte)
                        (size == 1
                                ? weighted(layout.singleColumnWeights(), random)
                                : random.nextInt(columns - size + 1));
            }
            // Drawn only when asked for, so that the scenarios without them replay the workloads they always had.
            if (shape.cancelShare() > 0 && random.nextDouble() < shape.cancelShare()) {
                workload.flags[i] |= CANCEL;
            }
            if (shape.holdShare() > 0 && random.nextDouble() < shape.holdShare()) {
                workload.flags[i] |= HOLD;
            }
        }
        return workload;
    }

    private static int pick(double[] cumulative, double target) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] < target) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int weighted(int[] weights, SplittableRandom random) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int target = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            target -= weights[i];
            if (target < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    public int trips() {
        return trips;
    }

    public Shape shape() {
        return shape;
    }

    public Layout layout() {
        return shape.layout();
    }

    public int size() {
        return trip.length;
    }

    public int trip(int request) {
        return trip[request];
    }

    public int party(int request) {
        return party[request];
    }

    public boolean explicit(int request) {
        return row[request] != 0;
    }

    /** The client cancels this booking once it is confirmed. */
    public boolean cancels(int request) {
        return (flags[request] & CANCEL) != 0;
    }

    /** The request asks for a hold ("with holds" variant). */
    public boolean holds(int request) {
        return (flags[request] & HOLD) != 0;
    }

    /** Appends the request's seats as JSON strings, e.g. {@code "12A","12B"}; only for explicit requests. */
    void appendSeats(int request, StringBuilder json) {
        String columns = shape.layout().columns();
        for (int p = 0; p < party[request]; p++) {
            if (p > 0) {
                json.append(',');
            }
            json.append('"')
                    .append(row[request])
                    .append(columns.charAt(firstColumn[request] + p))
                    .append('"');
        }
    }

    public long seatsDemanded() {
        long seats = 0;
        for (byte size : party) {
            seats += size;
        }
        return seats;
    }
}
