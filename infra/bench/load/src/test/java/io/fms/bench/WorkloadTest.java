package io.fms.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void requestsAskForRealSeatsSideBySideAndPopularTripsMore() {
        Workload workload = Workload.generate(20, 20_000, 1.0, 0.5, 11);
        int[] perTrip = new int[20];
        int explicit = 0;
        for (int i = 0; i < workload.size(); i++) {
            perTrip[workload.trip(i)]++;
            assertThat(workload.party(i)).isBetween(1, Workload.PARTY_MAX);
            if (workload.explicit(i)) {
                explicit++;
                StringBuilder seats = new StringBuilder();
                workload.appendSeats(i, seats);
                String[] labels = seats.toString().replace("\"", "").split(",");
                assertThat(labels).hasSize(workload.party(i));
                String row = labels[0].substring(0, labels[0].length() - 1);
                assertThat(Integer.parseInt(row)).isBetween(1, Workload.Layout.NARROW_BODY.rows());
                for (String label : labels) {
                    assertThat(label).startsWith(row);
                    assertThat(Workload.Layout.NARROW_BODY.columns()).contains(label.substring(row.length()));
                }
            }
        }
        assertThat(explicit).isBetween(9_000, 11_000);
        // Zipf with exponent 1: the first trip about twice the second and ten times the tenth.
        assertThat(perTrip[0]).isGreaterThan(perTrip[1] * 3 / 2).isGreaterThan(perTrip[9] * 5);
        assertThat(Workload.generate(20, 100, 1.0, 0.5, 11).trip(42)).isEqualTo(workload.trip(42));
    }

    @Test
    void contentionCrowdsTheFrontRowsOfWideBodiesAndCancelsAShare() {
        Workload workload = Workload.generate(20, 20_000, Scenario.CONTENTION.shape(0, 0.8, 0.15, 0), 12);
        assertThat(workload.layout().capacity()).isEqualTo(850);
        int explicit = 0;
        int frontTenRows = 0;
        int cancels = 0;
        for (int i = 0; i < workload.size(); i++) {
            if (workload.cancels(i)) {
                cancels++;
            }
            assertThat(workload.holds(i)).isFalse();
            if (workload.explicit(i)) {
                explicit++;
                StringBuilder seats = new StringBuilder();
                workload.appendSeats(i, seats);
                String first = seats.toString().replace("\"", "").split(",")[0];
                int row = Integer.parseInt(first.substring(0, first.length() - 1));
                assertThat(row).isBetween(1, 85);
                assertThat("ABCDEFGHJK").contains(first.substring(first.length() - 1));
                if (row <= 10) {
                    frontTenRows++;
                }
            }
        }
        assertThat(explicit).isBetween(15_000, 17_000);
        assertThat(cancels).isBetween(2_600, 3_400);
        // rows x u^3: a row within the first 10 of 85 when u^3 < 10/85, that is u < 0.49.
        assertThat(frontTenRows).isBetween(explicit * 45 / 100, explicit * 53 / 100);
    }
}
