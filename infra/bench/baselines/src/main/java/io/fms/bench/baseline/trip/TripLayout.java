package io.fms.bench.baseline.trip;

import io.fms.bench.baseline.web.BadRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * A trip's seat layout as PUT by the benchmark: {@code rows} rows numbered from 1, {@code columns} the seat letters
 * in cabin order. Limits as in FMS: 1-150 rows, 1-10 distinct letters A-Z.
 */
public record TripLayout(Integer rows, String columns) {

    public static final int ROWS_MAX = 150;
    public static final int COLUMNS_MAX = 10;

    /** The layout if it is within limits, else a 400 naming each fault. */
    public TripLayout validated() {
        List<String> errors = new ArrayList<>();
        if (rows == null || rows < 1 || rows > ROWS_MAX) {
            errors.add("rows: must be between 1 and " + ROWS_MAX);
        }
        if (columns == null
                || columns.isEmpty()
                || columns.length() > COLUMNS_MAX
                || !columns.chars().allMatch(c -> c >= 'A' && c <= 'Z')
                || columns.chars().distinct().count() != columns.length()) {
            errors.add("columns: must be 1 to " + COLUMNS_MAX + " distinct letters A-Z");
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return this;
    }

    public int capacity() {
        return rows * columns.length();
    }
}
