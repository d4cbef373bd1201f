package io.fms.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPU seconds used by named processes, from {@code /proc/<pid>/stat}: each named root and all its descendants, user +
 * system time plus the time of children it already reaped (Postgres backends come and go). Linux only; elsewhere
 * every figure is absent.
 */
final class CpuMeter {

    private static final Path PROC = Path.of("/proc");
    private static final double TICKS_PER_SECOND = ticksPerSecond();

    private CpuMeter() {}

    /** CPU seconds of the named process trees, of this JVM (the load generator) and of the whole machine, at once. */
    record Sample(long atNs, Map<String, Double> processes, double generatorSeconds, double machineSeconds) {

        static Sample take(Map<String, List<Long>> roots) {
            return new Sample(Clock.now(), sample(roots), generatorCpuSeconds(), machineBusySeconds());
        }

        /** The load generator's share of all {@code cores} since {@code before}. */
        double generatorShareSince(Sample before, int cores) {
            double wall = (atNs - before.atNs) / 1e9;
            return (generatorSeconds - before.generatorSeconds) / (wall * cores);
        }
    }

    /** CPU seconds so far of each named process tree. */
    static Map<String, Double> sample(Map<String, List<Long>> roots) {
        Map<Long, long[]> table = processTable();
        Map<Long, List<Long>> children = new HashMap<>();
        table.forEach((pid, entry) ->
                children.computeIfAbsent(entry[0], p -> new ArrayList<>()).add(pid));
        Map<String, Double> seconds = new LinkedHashMap<>();
        roots.forEach((name, pids) -> {
            Set<Long> tree = new HashSet<>();
            List<Long> pending = new ArrayList<>(pids);
            while (!pending.isEmpty()) {
                long pid = pending.removeLast();
                if (table.containsKey(pid) && tree.add(pid)) {
                    pending.addAll(children.getOrDefault(pid, List.of()));
                }
            }
            if (!tree.isEmpty()) {
                long ticks = 0;
                for (long pid : tree) {
                    ticks += table.get(pid)[1];
                }
                seconds.put(name, ticks / TICKS_PER_SECOND);
            }
        });
        return seconds;
    }

    /** The difference of two samples, for the names present in both. */
    static Map<String, Double> used(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, seconds) -> {
            Double start = before.get(name);
            if (start != null) {
                used.put(name, Math.max(0, seconds - start));
            }
        });
        return used;
    }

    private static double generatorCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** This machine's total busy CPU seconds (all cores), from /proc/stat; NaN where there is none. */
    static double machineBusySeconds() {
        try {
            String[] fields =
                    Files.readAllLines(PROC.resolve("stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            // user nice system idle iowait irq softirq steal: everything but idle and iowait
            for (int f = 1; f <= 8 && f < fields.length; f++) {
                if (f != 4 && f != 5) {
                    busy += Long.parseLong(fields[f]);
                }
            }
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** pid -> {parent pid, utime + stime + cutime + cstime in ticks}. */
    private static Map<Long, long[]> processTable() {
        Map<Long, long[]> table = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    // The command name is in parentheses and may hold spaces: fields start after the last ')'.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long parent = Long.parseLong(fields[1]);
                    long ticks = Long.parseLong(fields[11])
                            + Long.parseLong(fields[12])
                            + Long.parseLong(fields[13])
                            + Long.parseLong(fields[14]);
                    table.put(Long.parseLong(entry.getFileName().toString()), new long[] {parent, ticks});
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return table;
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            String out = new String(getconf.getInputStream().readAllBytes()).strip();
            getconf.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
