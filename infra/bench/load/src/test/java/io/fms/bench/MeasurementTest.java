package io.fms.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The figures a repeated contention run is judged by, on outcomes whose every time is known. */
class MeasurementTest {

    private static final long MS = 1_000_000L;

    @Test
    void aTripSellsOutWhenItsConfirmationsNetOfCancellationsFillIt() {
        // One trip of 180 seats; 90 parties of 2 confirmed 10 ms apart, the 10th cancelled at 1,500 ms.
        Workload workload = Workload.generate(1, 200, 0, 0, 5);
        Outcomes o = new Outcomes(workload.size());
        long seats = 0;
        long fullAt = 0;
        int confirmed = 0;
        for (int i = 0; i < workload.size(); i++) {
            o.dueNs[i] = 1000 * MS;
            o.answeredNs[i] = 1000 * MS + i * 10 * MS;
            o.status[i] = 200;
            o.decidedNs[i] = o.answeredNs[i];
            boolean fits = seats + workload.party(i) <= 180;
            o.decision[i] = fits ? Outcomes.CONFIRMED : Outcomes.REJECTED;
            if (fits) {
                seats += workload.party(i);
                confirmed++;
                if (i == 3) {
                    o.cancelledNs[i] = o.decidedNs[i] + 5 * MS;
                    seats -= workload.party(i);
                }
                if (seats == 180 && fullAt == 0) {
                    fullAt = o.decidedNs[i];
                }
            }
        }
        assertThat(fullAt)
                .as("the workload fills the trip exactly: the positive control")
                .isPositive();

        Measurement measured = Measurement.of(o, workload, false);

        assertThat(measured.selloutS()).isEqualTo((fullAt - 1000 * MS) / 1e9);
        assertThat(measured.cancelled()).isEqualTo(1);
        assertThat(measured.confirmedBookings()).isEqualTo(confirmed);
        assertThat(measured.acceptedPath().decided()).isEqualTo(workload.size());
        assertThat(measured.turnedAwayAtDoor()).as("a baseline has no door").isNull();
    }

    @Test
    void aTripNeverFullHasNoSellOut() {
        Workload workload = Workload.generate(2, 10, 0, 0, 5);
        Outcomes o = new Outcomes(workload.size());
        for (int i = 0; i < workload.size(); i++) {
            o.dueNs[i] = 1000 * MS;
            o.answeredNs[i] = 1001 * MS;
            o.status[i] = 200;
            o.decidedNs[i] = 1001 * MS;
            o.decision[i] = Outcomes.CONFIRMED;
        }
        assertThat(Measurement.of(o, workload, false).selloutS()).isNaN();
    }

    @Test
    void fmsDoorRejectionsAreCountedApartFromTheProcessorsDecisions() {
        Outcomes o = Fixtures.outcomes(100, true);
        Measurement measured = Measurement.of(o, Workload.generate(1, 100, 0, 0.5, 3), true);
        // Fixtures: every tenth a 409 at the door; of the other 90, one failed in transport, two never decided.
        assertThat(measured.turnedAwayAtDoor()).isEqualTo(10);
        assertThat(measured.acceptedPath().decided()).isEqualTo(87);
        assertThat(measured.acceptedPath().confirmed() + measured.acceptedPath().rejected())
                .isEqualTo(87);
        assertThat(measured.acceptedPath().rejected()).isPositive();
        assertThat(measured.decided()).isEqualTo(97);
    }

    @Test
    void aPaidHoldIsAConfirmedBookingAndAnUnpaidOneIsNot() {
        // Baseline answers 10 ms apart: 0-3 confirmed outright, 4-7 held (4 and 5 paid 50 ms later, 6 paid too late,
        // 7 abandoned), 8-9 rejected.
        Workload workload = Workload.generate(1, 10, 0, 0, 5);
        Outcomes o = new Outcomes(workload.size());
        o.holdsPlayed = true;
        for (int i = 0; i < workload.size(); i++) {
            o.dueNs[i] = 1000 * MS;
            o.answeredNs[i] = 1000 * MS + (i + 1) * 10 * MS;
            o.status[i] = i < 8 ? (short) 200 : (short) 409;
            o.decidedNs[i] = o.answeredNs[i];
            o.decision[i] = i < 4 ? Outcomes.CONFIRMED : i < 8 ? Outcomes.HELD : Outcomes.REJECTED;
        }
        for (int i = 4; i <= 6; i++) {
            o.paymentSent[i] = true;
        }
        o.paidNs[4] = o.decidedNs[4] + 50 * MS;
        o.paidNs[5] = o.decidedNs[5] + 50 * MS;

        Measurement measured = Measurement.of(o, workload, false);

        assertThat(measured.holds()).isEqualTo(new Measurement.Holds(4, 3, 2));
        assertThat(measured.confirmedBookings()).as("4 outright + 2 paid").isEqualTo(6);
        // The last confirmation is request 5's payment, 110 ms after the first request.
        assertThat(measured.confirmedPerS()).isCloseTo(6 / 0.11, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(measured.acceptedPath().decided()).isEqualTo(10);
        assertThat(measured.acceptedPath().confirmed()).isEqualTo(4);
        assertThat(measured.acceptedPath().rejected())
                .as("a hold is not a rejection")
                .isEqualTo(2);

        o.holdsPlayed = false;
        assertThat(Measurement.of(o, workload, false).holds())
                .as("a run without holds has no hold figures")
                .isNull();
    }
}
