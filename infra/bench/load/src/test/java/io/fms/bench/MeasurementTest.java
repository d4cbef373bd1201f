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
}
