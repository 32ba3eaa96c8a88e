package dev.refract.benchmarks.compare;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every workload of {@link Settings} on every contender of a {@link Lineup}: per workload, one
 * warm-up run of each contender, then the measured rounds, each of which runs every contender once
 * in the same order (A B C D, A B C D, …), so that the ratios of one round compare runs made
 * moments apart on the same machine. Then the heap of the stream, per contender, at the small and
 * the full size.
 */
public final class Harness {

    private final Settings settings;
    private final Runner runner;
    private final PrintStream log;

    /** A harness for {@code settings} that reports progress to {@code log}. */
    public Harness(Settings settings, PrintStream log) {
        this.settings = settings;
        this.runner = new Runner(settings);
        this.log = log;
    }

    /** Runs the comparison on {@code lineup}. */
    public Results run(Lineup lineup) {
        List<RunResult> runs = new ArrayList<>();
        List<Entrant> entrants = new ArrayList<>();
        for (Contender contender : lineup.contenders()) {
            entrants.add(Entrant.of(contender));
        }
        for (Workload workload : Workload.values()) {
            if (!settings.workloads().contains(workload)) {
                continue;
            }
            List<Contender> running = new ArrayList<>();
            for (Contender contender : lineup.contenders()) {
                if (contender.workloads().contains(workload)) {
                    running.add(contender);
                }
            }
            List<String> failed = new ArrayList<>();
            for (int round = 0; round <= settings.rounds(); round++) {
                for (Contender contender : running) {
                    if (failed.contains(contender.key())) {
                        continue;
                    }
                    RunResult result = runner.run(lineup, contender, workload, round);
                    runs.add(result);
                    log.println(line(lineup, contender, result));
                    if (result.isFailed()) {
                        // a contender that failed once is reported failed; more runs would only cost time
                        failed.add(contender.key());
                    }
                }
            }
        }
        List<HeapResult> heap = new ArrayList<>();
        if (settings.workloads().contains(Workload.STREAM) && settings.heap() != Settings.HeapMode.OFF) {
            for (int rows : List.of(settings.smallStreamRows(), settings.streamRows())) {
                for (Contender contender : lineup.contenders()) {
                    if (!contender.workloads().contains(Workload.STREAM)) {
                        continue;
                    }
                    HeapResult result = settings.heap() == Settings.HeapMode.CHILD_JVM
                            ? HeapProbe.inChildJvm(lineup, contender.key(), rows, settings)
                            : HeapProbe.inProcess(contender, rows);
                    heap.add(result);
                    log.println(line(lineup, contender, result));
                }
            }
        }
        return new Results(lineup.key(), lineup.server(), lineup.versions(), entrants, runs, heap);
    }

    private static String line(Lineup lineup, Contender contender, RunResult result) {
        String round = result.round() == 0 ? "warm-up" : "round " + result.round();
        String head = String.format(Locale.ROOT, "%s %-16s %-8s %-40s", lineup.key(), result.workload().label(), round,
                contender.name());
        if (result.isFailed()) {
            return head + " FAILED: " + result.failure();
        }
        String latency = result.p50Nanos() < 0 ? "" : String.format(Locale.ROOT, "  p50 %s  p99 %s",
                Report.millis(result.p50Nanos()), Report.millis(result.p99Nanos()));
        return head + String.format(Locale.ROOT, " %,12.0f %s%s  (%.1f s)", result.throughput(), result.workload().unit(),
                latency, result.nanos() / 1e9);
    }

    private static String line(Lineup lineup, Contender contender, HeapResult result) {
        String head = String.format(Locale.ROOT, "%s %-16s %,9d rows %-40s", lineup.key(), "stream heap", result.rows(),
                contender.name());
        return result.isFailed() ? head + " FAILED: " + result.failure()
                : head + String.format(Locale.ROOT, " baseline %s  peak %s", Report.megabytes(result.baselineBytes()),
                        Report.megabytes(result.peakBytes()));
    }
}
