package io.fms.bench;

import java.util.SplittableRandom;

/**
 * The requests of one run, generated once from a seed and played against every system, kept as primitive arrays
 * (1.5 million requests must not cost a gigabyte of objects).
 *
 * <p>Each request names a trip, a party of 1-4 and either a block of side-by-side seats in one row or nothing (let
 * the system choose). Explicit requests over-ask for what travellers want: front rows (the row is drawn with a
 * quadratic skew towards row 1) and, for a single traveller, window seats three times and aisle seats twice as
 * often as middle ones.
 */
public final class Workload {

    public static final int ROWS = 30;
    public static final String COLUMNS = "ABCDEF";
    public static final int CAPACITY = ROWS * COLUMNS.length();
    public static final int PARTY_MAX = 4;

    /** Single travellers' column weights: window A/F, aisle C/D, middle B/E. */
    private static final int[] SINGLE_COLUMN_WEIGHTS = {3, 1, 2, 2, 1, 3};

    private final int trips;
    private final int[] trip;
    private final byte[] party;
    /** 0 when the system chooses; else the row, 1-based. */
    private final byte[] row;
    /** The first column of the block, 0-based. */
    private final byte[] firstColumn;

    private Workload(int trips, int requests) {
        this.trips = trips;
        this.trip = new int[requests];
        this.party = new byte[requests];
        this.row = new byte[requests];
        this.firstColumn = new byte[requests];
    }

    /**
     * @param zipfExponent trip popularity: trip k (1-based) is chosen with weight 1/k^s; 0 for uniform
     * @param explicitShare the share of requests that name their seats
     */
    public static Workload generate(int trips, int requests, double zipfExponent, double explicitShare, long seed) {
        if (trips < 1 || requests < 1) {
            throw new IllegalArgumentException("a workload needs at least one trip and one request");
        }
        Workload workload = new Workload(trips, requests);
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = new double[trips];
        double sum = 0;
        for (int k = 0; k < trips; k++) {
            sum += 1 / Math.pow(k + 1, zipfExponent);
            cumulative[k] = sum;
        }
        for (int i = 0; i < requests; i++) {
            workload.trip[i] = pick(cumulative, random.nextDouble() * sum);
            int size = 1 + random.nextInt(PARTY_MAX);
            workload.party[i] = (byte) size;
            if (random.nextDouble() < explicitShare) {
                double u = random.nextDouble();
                workload.row[i] = (byte) (1 + (int) (ROWS * u * u));
                workload.firstColumn[i] = (byte)
                        (size == 1
                                ? weighted(SINGLE_COLUMN_WEIGHTS, random)
                                : random.nextInt(COLUMNS.length() - size + 1));
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

    /** Appends the request's seats as JSON strings, e.g. {@code "12A","12B"}; only for explicit requests. */
    void appendSeats(int request, StringBuilder json) {
        for (int p = 0; p < party[request]; p++) {
            if (p > 0) {
                json.append(',');
            }
            json.append('"')
                    .append(row[request])
                    .append(COLUMNS.charAt(firstColumn[request] + p))
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
