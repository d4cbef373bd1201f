package io.fms.api.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeatLayoutTest {

    @Test
    void labelsRunFrontToBackInCabinOrder() {
        SeatLayout layout = new SeatLayout(2, "ACDF");

        assertThat(layout.capacity()).isEqualTo(8);
        assertThat(layout.labels()).containsExactly("1A", "1C", "1D", "1F", "2A", "2C", "2D", "2F");
    }

    @Test
    void containsOnlyTheSeatsOfTheCabin() {
        SeatLayout layout = new SeatLayout(30, "ABCDEF");

        assertThat(layout.contains("1A")).isTrue();
        assertThat(layout.contains("30F")).isTrue();
        assertThat(layout.contains("31A")).isFalse();
        assertThat(layout.contains("12G")).isFalse();
        assertThat(layout.contains("0A")).isFalse();
        assertThat(layout.contains("01A")).isFalse();
        assertThat(layout.contains("A1")).isFalse();
    }

    @Test
    void refusesLayoutsOutsideTheLimits() {
        assertThat(SeatLayout.rowsProblem(0)).isPresent();
        assertThat(SeatLayout.rowsProblem(151)).isPresent();
        assertThat(SeatLayout.rowsProblem(150)).isEmpty();
        assertThat(SeatLayout.columnsProblem("ABCDEFGHJK")).isEmpty();
        assertThat(SeatLayout.columnsProblem("ABCDEFGHJKL")).isPresent();
        assertThat(SeatLayout.columnsProblem("ABB")).isPresent();
        assertThat(SeatLayout.columnsProblem("BA")).isPresent();
        assertThat(SeatLayout.columnsProblem("A1")).isPresent();
        assertThat(SeatLayout.columnsProblem("")).isPresent();
        assertThatThrownBy(() -> new SeatLayout(10, "AA")).isInstanceOf(IllegalArgumentException.class);
    }
}
