package io.fms.api.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trip's cabin: rows numbered from 1 and column letters in cabin order, e.g. 30 x "ABCDEF". Seat labels are the
 * row number followed by the letter ({@code 12A}).
 */
public record SeatLayout(int rows, String columns) {

    public static final int ROWS_MAX = 150;
    public static final int COLUMNS_MAX = 10;

    private static final Pattern LABEL = Pattern.compile("([1-9][0-9]{0,2})([A-Z])");

    public SeatLayout {
        Optional<String> problem = rowsProblem(rows).or(() -> columnsProblem(columns));
        if (problem.isPresent()) {
            throw new IllegalArgumentException("invalid layout " + rows + " x " + columns + ": " + problem.get());
        }
    }

    public int capacity() {
        return rows * columns.length();
    }

    /** Whether a well-formed label names a seat of this cabin. */
    public boolean contains(String label) {
        Matcher matcher = LABEL.matcher(label);
        return matcher.matches()
                && Integer.parseInt(matcher.group(1)) <= rows
                && columns.indexOf(matcher.group(2).charAt(0)) >= 0;
    }

    /** Every seat, front to back and in cabin order within a row. */
    public List<String> labels() {
        List<String> labels = new ArrayList<>(capacity());
        for (int row = 1; row <= rows; row++) {
            for (char column : columns.toCharArray()) {
                labels.add(row + String.valueOf(column));
            }
        }
        return labels;
    }

    /** Whether a label is shaped like a seat at all (row 1-999, one letter), before any layout is known. */
    public static boolean isLabel(String label) {
        return label != null && LABEL.matcher(label).matches();
    }

    public static Optional<String> rowsProblem(int rows) {
        return rows >= 1 && rows <= ROWS_MAX ? Optional.empty() : Optional.of("must be between 1 and " + ROWS_MAX);
    }

    public static Optional<String> columnsProblem(String columns) {
        if (columns == null || columns.isEmpty() || columns.length() > COLUMNS_MAX) {
            return Optional.of("must be 1 to " + COLUMNS_MAX + " letters");
        }
        for (int i = 0; i < columns.length(); i++) {
            char c = columns.charAt(i);
            if (c < 'A' || c > 'Z') {
                return Optional.of("must be letters A-Z");
            }
            if (i > 0 && c <= columns.charAt(i - 1)) {
                return Optional.of("must be distinct letters in cabin order, e.g. ABCDEF");
            }
        }
        return Optional.empty();
    }
}
