package io.fms.allocation;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/** One seat of a cabin: a row number counted from the front and a column letter, labelled like {@code 12A}. */
public record Seat(int row, char column) implements Comparable<Seat> {

    /** Row digits a label may have: enough for {@link SeatLayout#ROWS_MAX}, and never enough to overflow an int. */
    public static final int ROW_DIGITS_MAX = String.valueOf(SeatLayout.ROWS_MAX).length();

    private static final Pattern LABEL = Pattern.compile("[1-9][0-9]{0," + (ROW_DIGITS_MAX - 1) + "}[A-Z]");

    private static final Comparator<Seat> CABIN_ORDER =
            Comparator.comparingInt(Seat::row).thenComparingInt(Seat::column);

    public Seat {
        if (row < 1) {
            throw new IllegalArgumentException("seat row must be at least 1, was " + row);
        }
        if (column < 'A' || column > 'Z') {
            throw new IllegalArgumentException("seat column must be a letter A-Z, was '" + column + "'");
        }
    }

    /**
     * Reads a label such as {@code 12A}. Strict on purpose (upper-case letter, no leading zeros, no spaces): one seat
     * has exactly one label, so labels can be compared as strings by the database's unique constraint.
     */
    public static Optional<Seat> parse(String label) {
        if (!isLabel(label)) {
            return Optional.empty();
        }
        int lastIndex = label.length() - 1;
        return Optional.of(new Seat(Integer.parseInt(label.substring(0, lastIndex)), label.charAt(lastIndex)));
    }

    /** Whether {@code label} is shaped like a seat label at all, before any layout is known. */
    public static boolean isLabel(String label) {
        return label != null && LABEL.matcher(label).matches();
    }

    public String label() {
        return Integer.toString(row) + column;
    }

    @Override
    public int compareTo(Seat other) {
        return CABIN_ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return label();
    }
}
