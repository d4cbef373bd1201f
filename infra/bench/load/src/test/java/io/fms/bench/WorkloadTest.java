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
                assertThat(Integer.parseInt(row)).isBetween(1, Workload.ROWS);
                for (String label : labels) {
                    assertThat(label).startsWith(row);
                    assertThat(Workload.COLUMNS).contains(label.substring(row.length()));
                }
            }
        }
        assertThat(explicit).isBetween(9_000, 11_000);
        // Zipf with exponent 1: the first trip about twice the second and ten times the tenth.
        assertThat(perTrip[0]).isGreaterThan(perTrip[1] * 3 / 2).isGreaterThan(perTrip[9] * 5);
        assertThat(Workload.generate(20, 100, 1.0, 0.5, 11).trip(42)).isEqualTo(workload.trip(42));
    }
}
