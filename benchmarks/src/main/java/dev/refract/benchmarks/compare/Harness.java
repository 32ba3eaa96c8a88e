package dev.refract.benchmarks.compare;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs every workload of {@link Settings} on every contender of a {@link Lineup}: per workload, each
 * contender's warm-up by the rule of {@link Warmup}, then the measured rounds. A round splits the workload into
 * {@link Settings#slices()} slices and runs each slice on every contender in the same order
 * (A B C D, A B C D, …), so that the ratios of one round compare runs made moments apart, and a
 * change in the load of a shared machine falls on all contenders alike; the stream, which cannot be
 * split, alternates whole streams. Then the heap of the stream, per contender, at the small and the
 * full size.
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
            if (settings.workloads().contains(workload)) {
                runs.addAll(run(lineup, workload));
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
        return new Results(lineup.key(), lineup.server(), lineup.versions(), entrants, runs, heap, lineup.note(),
                settings.describe());
    }

    private List<RunResult> run(Lineup lineup, Workload workload) {
        List<Contender> running = new ArrayList<>();
        for (Contender contender : lineup.contenders()) {
            if (contender.workloads().contains(workload)) {
                running.add(contender);
            }
        }
        int size = runner.size(workload);
        List<RunResult> runs = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (Map.Entry<Contender, List<Slice>> warm : warmUp(lineup, workload, running, size, failed).entrySet()) {
            RunResult result = Slice.combine(workload, warm.getKey().key(), 0, warm.getValue());
            runs.add(result);
            log.println(line(lineup, warm.getKey(), result) + (result.isFailed() ? ""
                    : String.format(Locale.ROOT, "  %d slice%s", warm.getValue().size(),
                            warm.getValue().size() == 1 ? "" : "s")));
        }
        // a stream cannot be split; the other workloads alternate the contenders slice by slice
        int slices = workload == Workload.STREAM ? 1 : Math.min(settings.slices(), size);
        for (int round = 1; round <= settings.rounds(); round++) {
            Map<String, List<Slice>> parts = new LinkedHashMap<>();
            for (int piece = 0; piece < slices; piece++) {
                int from = (int) ((long) size * piece / slices);
                int to = (int) ((long) size * (piece + 1) / slices);
                for (Contender contender : running) {
                    if (failed.contains(contender.key())) {
                        continue;
                    }
                    Slice slice = runner.run(lineup, contender, workload, from, to);
                    parts.computeIfAbsent(contender.key(), key -> new ArrayList<>()).add(slice);
                    if (slice.isFailed()) {
                        // a contender that failed once is reported failed; more runs would only cost time
                        failed.add(contender.key());
                    }
                }
            }
            for (Contender contender : running) {
                List<Slice> own = parts.get(contender.key());
                if (own != null) {
                    RunResult result = Slice.combine(workload, contender.key(), round, own);
                    runs.add(result);
                    log.println(line(lineup, contender, result));
                }
            }
        }
        return runs;
    }

    /**
     * Warms every contender of {@code running} up by the rule of {@link Settings#warmup()}: a slice of
     * each contender in turn, again and again, each contender dropping out once its warm-up has settled
     * or reached its cap; a contender that fails is added to {@code failed}. The stream's slices are
     * streams of a slice's rows; the other workloads' slices follow one another through the units.
     *
     * @return each contender's warm-up slices
     */
    private Map<Contender, List<Slice>> warmUp(Lineup lineup, Workload workload, List<Contender> running, int size,
            List<String> failed) {
        Warmup rule = settings.warmup();
        int units = rule.sliceSize(size);
        Map<Contender, List<Slice>> slices = new LinkedHashMap<>();
        Map<Contender, List<Double>> throughputs = new LinkedHashMap<>();
        List<Contender> warming = new ArrayList<>(running);
        for (int piece = 0; piece < rule.maxSlices(size) && !warming.isEmpty(); piece++) {
            int from = workload == Workload.STREAM ? 0 : piece * units;
            for (Contender contender : List.copyOf(warming)) {
                Slice slice = runner.run(lineup, contender, workload, from, from + units);
                slices.computeIfAbsent(contender, key -> new ArrayList<>()).add(slice);
                List<Double> own = throughputs.computeIfAbsent(contender, key -> new ArrayList<>());
                own.add(slice.nanos() == 0 ? 0 : slice.units() * 1e9 / slice.nanos());
                if (slice.isFailed()) {
                    failed.add(contender.key());
                    warming.remove(contender);
                } else if (rule.settled(own)) {
                    warming.remove(contender);
                }
            }
        }
        return slices;
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
        return head + String.format(Locale.ROOT, " %,12.0f %s%s  cpu %.0f µs  (%.1f s)", result.throughput(),
                result.workload().unit(), latency, result.cpuMicrosPerUnit(), result.nanos() / 1e9);
    }

    private static String line(Lineup lineup, Contender contender, HeapResult result) {
        String head = String.format(Locale.ROOT, "%s %-16s %,9d rows %-40s", lineup.key(), "stream heap", result.rows(),
                contender.name());
        return result.isFailed() ? head + " FAILED: " + result.failure()
                : head + String.format(Locale.ROOT, " baseline %s  peak %s", Report.megabytes(result.baselineBytes()),
                        Report.megabytes(result.peakBytes()));
    }
}
