package io.fms.e2e;

import java.util.ArrayList;
import java.util.List;

/** Seat labels of a {@code rows} x {@code columns} cabin, front to back, labelled like "12A". */
final class Cabin {

    private Cabin() {}

    static List<String> seats(int rows, String columns) {
        List<String> seats = new ArrayList<>(rows * columns.length());
        for (int row = 1; row <= rows; row++) {
            for (char column : columns.toCharArray()) {
                seats.add(row + String.valueOf(column));
            }
        }
        return seats;
    }
}
