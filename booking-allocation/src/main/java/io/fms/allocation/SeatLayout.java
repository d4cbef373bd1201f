package io.fms.allocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seats of a trip: {@code rows} rows numbered from 1 at the front, each with the given column letters. The
 * letters are distinct and ascend from left to right, as on every airline's seat map; a letter may be skipped
 * ({@code "ABCDEFGHJK"} has no I), and neighbours in the string sit side by side. This is the one definition of a
 * valid cabin: the API checks new trips with it and the processor seats passengers with it.
 */
public record SeatLayout(int rows, String columns) {

    public static final int ROWS_MAX = 150;
    // Ten columns keep a row's occupancy in one int bitmask in TripInventory.
    public static final int COLUMNS_MAX = 10;

    public SeatLayout {
        Optional<String> problem = rowsProblem(rows).or(() -> columnsProblem(columns));
        if (problem.isPresent()) {
            throw new IllegalArgumentException("invalid layout " + rows + " x " + columns + ": " + problem.get());
        }
    }

    /** What is wrong with a row count, in words fit for a client, or empty when it is valid. */
    public static Optional<String> rowsProblem(int rows) {
        return rows >= 1 && rows <= ROWS_MAX ? Optional.empty() : Optional.of("must be between 1 and " + ROWS_MAX);
    }

    /** What is wrong with the column letters, in words fit for a client, or empty when they are valid. */
    public static Optional<String> columnsProblem(String columns) {
        if (columns == null || columns.isEmpty() || columns.length() > COLUMNS_MAX) {
            return Optional.of("must be 1 to " + COLUMNS_MAX + " letters");
        }
        for (int index = 0; index < columns.length(); index++) {
            char column = columns.charAt(index);
            if (column < 'A' || column > 'Z') {
                return Optional.of("must be letters A-Z");
            }
            if (index > 0 && column <= columns.charAt(index - 1)) {
                return Optional.of("must be distinct letters from left to right, e.g. ABCDEF");
            }
        }
        return Optional.empty();
    }

    public int capacity() {
        return rows * columns.length();
    }

    public int columnCount() {
        return columns.length();
    }

    public boolean contains(Seat seat) {
        return seat.row() <= rows && columnIndex(seat.column()) >= 0;
    }

    /** Whether {@code label} is a well-formed seat label naming a seat of this cabin. */
    public boolean contains(String label) {
        return Seat.parse(label).filter(this::contains).isPresent();
    }

    /** The position of the column from the left, or -1 when the layout has no such column. */
    public int columnIndex(char column) {
        return columns.indexOf(column);
    }

    /** The seat in the given row (1-based) at the given position from the left (0-based). */
    public Seat seatAt(int row, int columnIndex) {
        return new Seat(row, columns.charAt(columnIndex));
    }

    /** Every seat, front to back, left to right within a row. */
    public List<Seat> allSeats() {
        List<Seat> seats = new ArrayList<>(capacity());
        for (int row = 1; row <= rows; row++) {
            for (int index = 0; index < columns.length(); index++) {
                seats.add(seatAt(row, index));
            }
        }
        return List.copyOf(seats);
    }

    /** The labels of {@link #allSeats()}, in the same order. */
    public List<String> labels() {
        return allSeats().stream().map(Seat::label).toList();
    }
}
