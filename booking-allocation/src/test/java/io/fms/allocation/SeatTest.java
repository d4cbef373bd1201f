package io.fms.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SeatTest {

    @Test
    void parsesRowAndColumn() {
        assertThat(Seat.parse("12A")).contains(new Seat(12, 'A'));
        assertThat(Seat.parse("1Z")).contains(new Seat(1, 'Z'));
        assertThat(Seat.parse("150J")).contains(new Seat(150, 'J'));
        // Well-formed beyond any layout's last row: the layout, not the grammar, says whether the seat exists.
        assertThat(Seat.parse("999B")).contains(new Seat(999, 'B'));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "A",
                "12",
                "012A",
                "0A",
                "-1A",
                "+1A",
                "12a",
                " 12A",
                "12A ",
                "1 2A",
                "12AB",
                "A12",
                "1.5A",
                "１2A",
                "1000A",
                "1234567890A"
            })
    void refusesMalformedLabels(String label) {
        assertThat(Seat.parse(label)).isEmpty();
    }

    @Test
    void labelRoundTripsThroughParse() {
        Seat seat = new Seat(23, 'F');
        assertThat(seat.label()).isEqualTo("23F");
        assertThat(seat).hasToString("23F");
        assertThat(Seat.parse(seat.label())).contains(seat);
    }

    @Test
    void refusesImpossibleSeats() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Seat(0, 'A'));
        assertThatIllegalArgumentException().isThrownBy(() -> new Seat(1, 'a'));
        assertThatIllegalArgumentException().isThrownBy(() -> new Seat(1, '1'));
    }

    @Test
    void ordersByRowThenColumnLetter() {
        List<Seat> seats = new ArrayList<>(
                List.of(new Seat(10, 'A'), new Seat(2, 'C'), new Seat(2, 'A'), new Seat(1, 'F'), new Seat(10, 'B')));
        Collections.shuffle(seats);
        Collections.sort(seats);
        // Numeric, not textual, row order: 2 comes before 10.
        assertThat(seats).extracting(Seat::label).containsExactly("1F", "2A", "2C", "10A", "10B");
    }
}
