package io.fms.allocation;

import java.util.ArrayList;
import java.util.List;

/**
 * Chooses seats for a booking that named none. Rows are bitmasks of booked columns: bit {@code i} is the column at
 * position {@code i} in cabin order, so "adjacent" means neighbouring bits.
 *
 * <p>The rule, in order of preference (side by side in one row where possible, else as close as possible):
 *
 * <ol>
 *   <li>The front-most row with {@code n} adjacent free seats, the leftmost such block: a party sits together, and
 *       filling from the front keeps the rest of the cabin in large blocks for later parties. One pass over the rows.
 *   <li>Otherwise the shortest run of consecutive rows holding {@code n} free seats (front-most on ties): the party is
 *       spread over as few rows as possible. Seats are taken row by row; in a row that has more free seats than are
 *       still needed, the ones spanning the fewest columns (leftmost on ties), so they sit adjacent where possible.
 * </ol>
 */
final class SeatAssignment {

    private SeatAssignment() {}

    /** Precondition: the rows hold at least {@code passengerCount} free seats. */
    static List<Seat> choose(SeatLayout layout, int[] bookedColumnsByRow, int passengerCount) {
        int allColumns = allColumnsMask(layout.columnCount());
        for (int rowIndex = 0; rowIndex < bookedColumnsByRow.length; rowIndex++) {
            int free = ~bookedColumnsByRow[rowIndex] & allColumns;
            int blockStarts = adjacentBlockStarts(free, passengerCount);
            if (blockStarts != 0) {
                int firstColumn = Integer.numberOfTrailingZeros(blockStarts);
                List<Seat> seats = new ArrayList<>(passengerCount);
                for (int column = firstColumn; column < firstColumn + passengerCount; column++) {
                    seats.add(layout.seatAt(rowIndex + 1, column));
                }
                return seats;
            }
        }
        return closestGroup(layout, bookedColumnsByRow, allColumns, passengerCount);
    }

    static int allColumnsMask(int columnCount) {
        return (1 << columnCount) - 1;
    }

    /** The columns at which a run of {@code length} free seats starts, as a mask. */
    static int adjacentBlockStarts(int free, int length) {
        int starts = free;
        for (int offset = 1; offset < length && starts != 0; offset++) {
            starts &= free >>> offset;
        }
        return starts;
    }

    private static List<Seat> closestGroup(
            SeatLayout layout, int[] bookedColumnsByRow, int allColumns, int passengerCount) {
        int bestFirst = -1;
        int bestLast = -1;
        int first = 0;
        int freeInWindow = 0;
        for (int last = 0; last < bookedColumnsByRow.length; last++) {
            freeInWindow += freeCount(bookedColumnsByRow[last], allColumns);
            while (freeInWindow - freeCount(bookedColumnsByRow[first], allColumns) >= passengerCount) {
                freeInWindow -= freeCount(bookedColumnsByRow[first], allColumns);
                first++;
            }
            if (freeInWindow >= passengerCount && (bestFirst < 0 || last - first < bestLast - bestFirst)) {
                bestFirst = first;
                bestLast = last;
            }
        }
        if (bestFirst < 0) {
            throw new IllegalStateException("fewer than " + passengerCount + " free seats; callers check first");
        }
        List<Seat> seats = new ArrayList<>(passengerCount);
        for (int rowIndex = bestFirst; rowIndex <= bestLast && seats.size() < passengerCount; rowIndex++) {
            int free = ~bookedColumnsByRow[rowIndex] & allColumns;
            int wanted = Math.min(passengerCount - seats.size(), Integer.bitCount(free));
            if (wanted == 0) {
                continue;
            }
            for (int column : tightestColumns(free, wanted)) {
                seats.add(layout.seatAt(rowIndex + 1, column));
            }
        }
        return seats;
    }

    private static int freeCount(int bookedColumns, int allColumns) {
        return Integer.bitCount(~bookedColumns & allColumns);
    }

    /** The {@code wanted} free columns spanning the fewest columns, leftmost on ties. */
    private static int[] tightestColumns(int free, int wanted) {
        int[] freeColumns = new int[Integer.bitCount(free)];
        int count = 0;
        for (int remaining = free; remaining != 0; remaining &= remaining - 1) {
            freeColumns[count++] = Integer.numberOfTrailingZeros(remaining);
        }
        int bestStart = 0;
        for (int start = 1; start + wanted <= count; start++) {
            int span = freeColumns[start + wanted - 1] - freeColumns[start];
            int bestSpan = freeColumns[bestStart + wanted - 1] - freeColumns[bestStart];
            if (span < bestSpan) {
                bestStart = start;
            }
        }
        int[] chosen = new int[wanted];
        System.arraycopy(freeColumns, bestStart, chosen, 0, wanted);
        return chosen;
    }
}
