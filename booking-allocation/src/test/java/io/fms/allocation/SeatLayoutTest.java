package io.fms.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SeatLayoutTest {

    @Test
    void countsAndFindsSeats() {
        SeatLayout layout = new SeatLayout(30, "ABCDEF");

        assertThat(layout.capacity()).isEqualTo(180);
        assertThat(layout.contains(new Seat(30, 'F'))).isTrue();
        assertThat(layout.contains(new Seat(31, 'A'))).isFalse();
        assertThat(layout.contains(new Seat(1, 'G'))).isFalse();
        assertThat(layout.columnIndex('A')).isZero();
        assertThat(layout.columnIndex('F')).isEqualTo(5);
        assertThat(layout.columnIndex('G')).isEqualTo(-1);
    }

    @Test
    void acceptsTheLimits() {
        assertThat(new SeatLayout(1, "A").capacity()).isEqualTo(1);
        assertThat(new SeatLayout(150, "ABCDEFGHJK").capacity()).isEqualTo(1500);
    }

    @Test
    void listsSeatsRowByRowInCabinColumnOrder() {
        // Cabin order, not the alphabet, decides adjacency: here C sits between A and B.
        SeatLayout layout = new SeatLayout(2, "ACB");

        assertThat(layout.allSeats()).extracting(Seat::label).containsExactly("1A", "1C", "1B", "2A", "2C", "2B");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 151, 1000})
    void refusesRowCountsOutsideTheLimits(int rows) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SeatLayout(rows, "ABC"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ABCDEFGHJKL", "ABCA", "abc", "AB C", "A1", "ÄB"})
    void refusesBadColumns(String columns) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SeatLayout(10, columns));
    }
}
