package io.fms.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One fault's run: its trips, what was noted along the way, the checks that failed, how long recovery took. */
final class Phase {

    final Fault fault;
    final List<Load.Trip> trips;
    final List<String> notes = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    Duration recovery = Duration.ZERO;

    Phase(Fault fault, List<Load.Trip> trips) {
        this.fault = fault;
        this.trips = List.copyOf(trips);
    }

    List<String> tripIds() {
        return trips.stream().map(Load.Trip::id).toList();
    }

    void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
    }

    /** Records a failed check; the run goes on so that every fault is reported. */
    void check(boolean holds, String what) {
        if (!holds) {
            failures.add(what);
            System.out.println("  FAILED: " + what);
        }
    }

    void recovered(Duration took) {
        if (took.compareTo(recovery) > 0) {
            recovery = took;
        }
    }
}
