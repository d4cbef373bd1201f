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
    void listsSeatsFrontToBackAndLeftToRight() {
        SeatLayout layout = new SeatLayout(2, "ACDF");

        assertThat(layout.allSeats())
                .extracting(Seat::label)
                .containsExactly("1A", "1C", "1D", "1F", "2A", "2C", "2D", "2F");
        assertThat(layout.labels()).containsExactly("1A", "1C", "1D", "1F", "2A", "2C", "2D", "2F");
    }

    @Test
    void findsSeatsByLabel() {
        SeatLayout layout = new SeatLayout(30, "ABCDEF");

        assertThat(layout.contains("1A")).isTrue();
        assertThat(layout.contains("30F")).isTrue();
        assertThat(layout.contains("31A")).isFalse();
        assertThat(layout.contains("12G")).isFalse();
        assertThat(layout.contains("0A")).isFalse();
        assertThat(layout.contains("01A")).isFalse();
        assertThat(layout.contains("A1")).isFalse();
        assertThat(layout.contains((String) null)).isFalse();
    }

    @Test
    void namesWhatIsWrongInWordsForAClient() {
        assertThat(SeatLayout.rowsProblem(0)).contains("must be between 1 and 150");
        assertThat(SeatLayout.rowsProblem(150)).isEmpty();
        assertThat(SeatLayout.columnsProblem("ABCDEFGHJK")).isEmpty();
        assertThat(SeatLayout.columnsProblem("BA"))
                .contains("must be distinct letters from left to right, e.g. ABCDEF");
        assertThat(SeatLayout.columnsProblem("A1")).contains("must be letters A-Z");
        assertThat(SeatLayout.columnsProblem("")).contains("must be 1 to 10 letters");
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 151, 1000})
    void refusesRowCountsOutsideTheLimits(int rows) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SeatLayout(rows, "ABC"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"ABCDEFGHJKL", "ABCA", "ABB", "BA", "ACB", "abc", "AB C", "A1", "ÄB"})
    void refusesBadColumns(String columns) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SeatLayout(10, columns));
    }
}
