package io.fms.bench.baseline.booking;

import java.util.Comparator;
import java.util.List;

/** Seat labels ({@code 12A}) in seat order: by row number, then letter. */
public final class SeatLabels {

    public static final Comparator<String> ORDER =
            Comparator.comparingInt(SeatLabels::row).thenComparing(label -> label.charAt(label.length() - 1));

    private SeatLabels() {}

    public static List<String> sorted(List<String> labels) {
        return labels.stream().sorted(ORDER).toList();
    }

    private static int row(String label) {
        return Integer.parseInt(label, 0, label.length() - 1, 10);
    }
}
