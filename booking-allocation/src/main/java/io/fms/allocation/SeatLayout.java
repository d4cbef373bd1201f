package io.fms.allocation;

import java.util.ArrayList;
import java.util.List;

/**
 * The seats of a trip: {@code rows} rows, each with the given column letters in cabin order. The order of the letters
 * is what "side by side" means to the allocator, so {@code "ABCDEF"} and {@code "ABDEFG"} are both fine.
 */
public record SeatLayout(int rows, String columns) {

    public static final int ROWS_MAX = 150;
    // Ten columns keep a row's occupancy in one int bitmask in TripInventory.
    public static final int COLUMNS_MAX = 10;

    public SeatLayout {
        if (rows < 1 || rows > ROWS_MAX) {
            throw new IllegalArgumentException("rows must be 1-" + ROWS_MAX + ", was " + rows);
        }
        if (columns == null || columns.isEmpty() || columns.length() > COLUMNS_MAX) {
            throw new IllegalArgumentException("columns must be 1-" + COLUMNS_MAX + " letters, was " + columns);
        }
        for (int index = 0; index < columns.length(); index++) {
            char column = columns.charAt(index);
            if (column < 'A' || column > 'Z') {
                throw new IllegalArgumentException("columns must be letters A-Z, was " + columns);
            }
            if (columns.indexOf(column) != index) {
                throw new IllegalArgumentException("columns must be distinct, was " + columns);
            }
        }
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

    /** The position of the column in cabin order, or -1 when the layout has no such column. */
    public int columnIndex(char column) {
        return columns.indexOf(column);
    }

    /** The seat in the given row (1-based) at the given position in cabin order (0-based). */
    public Seat seatAt(int row, int columnIndex) {
        return new Seat(row, columns.charAt(columnIndex));
    }

    /** Every seat, row by row, in cabin column order. */
    public List<Seat> allSeats() {
        List<Seat> seats = new ArrayList<>(capacity());
        for (int row = 1; row <= rows; row++) {
            for (int index = 0; index < columns.length(); index++) {
                seats.add(seatAt(row, index));
            }
        }
        return List.copyOf(seats);
    }
}
