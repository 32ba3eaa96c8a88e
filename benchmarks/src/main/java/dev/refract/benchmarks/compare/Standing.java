package dev.refract.benchmarks.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one lineup's results say: per workload and contender the median figures of the measured
 * rounds, and Refract's throughput as a multiple of the contender's, taken round by round (so each
 * ratio compares runs made moments apart) and then the median of those.
 */
public final class Standing {

    /** Refract's throughput must be at least this multiple of the raw driver's, on every workload. */
    public static final double RAW_TARGET = 0.95;
    /** Refract's throughput must be at least this multiple of a peer's, on the look-up and the stream. */
    public static final double PEER_TARGET = 1.2;
    /** The peak heap of the full stream may be at most this multiple of the small stream's. */
    public static final double HEAP_TARGET = 1.5;

    /**
     * One contender's figures on one workload.
     *
     * @param entrant     the contender
     * @param failure     why it failed, or {@code null}
     * @param throughput  median units per second of the measured rounds
     * @param p50Nanos    median of the rounds' median latencies; -1 when not timed per call
     * @param p99Nanos    median of the rounds' 99th percentiles; -1 when not timed per call
     * @param cpuMicros   median of the rounds' CPU time of the whole JVM per unit, in microseconds
     * @param ratio       median of Refract's throughput divided by this contender's, round by round; NaN when
     *                    there is none (Refract itself, or either failed)
     * @param ratioLow    the lowest of those ratios
     * @param ratioHigh   the highest of those ratios
     */
    public record Figure(Entrant entrant, String failure, double throughput, long p50Nanos, long p99Nanos,
            double cpuMicros, double ratio, double ratioLow, double ratioHigh) {

        /** True when the contender failed the workload. */
        public boolean isFailed() {
            return failure != null;
        }
    }

    /**
     * One target of the issue and how the run measured up.
     *
     * @param workload  the workload, or {@code null} for the heap target
     * @param text      what the target says
     * @param measured  the figure measured; NaN when it could not be measured
     * @param bound     the bound
     * @param atLeast   true when the figure must reach the bound, false when it must stay within it
     * @param failure   why the figure could not be measured, or {@code null}
     */
    public record Target(Workload workload, String text, double measured, double bound, boolean atLeast,
            String failure) {

        /** True when the figure was measured and meets the bound. */
        public boolean met() {
            return !Double.isNaN(measured) && (atLeast ? measured >= bound : measured <= bound);
        }
    }

    private final Results results;
    private final Entrant refract;

    /** The standing of {@code results}. */
    public Standing(Results results) {
        this.results = results;
        Entrant found = null;
        for (Entrant entrant : results.entrants()) {
            if (entrant.role() == Role.REFRACT) {
                found = entrant;
            }
        }
        this.refract = found;
    }

    /** The results this standing is of. */
    public Results results() {
        return results;
    }

    /** The workloads that were run, in order. */
    public List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Workload workload : Workload.values()) {
            for (RunResult run : results.runs()) {
                if (run.workload() == workload && !workloads.contains(workload)) {
                    workloads.add(workload);
                }
            }
        }
        return workloads;
    }

    /** The figures of {@code workload}, one per contender that ran it, in round order. */
    public List<Figure> figures(Workload workload) {
        List<Figure> figures = new ArrayList<>();
        for (Entrant entrant : results.entrants()) {
            List<RunResult> all = runs(workload, entrant.key(), true);
            if (all.isEmpty()) {
                continue;
            }
            String failure = null;
            for (RunResult run : all) {
                if (run.isFailed() && failure == null) {
                    failure = run.failure();
                }
            }
            if (failure != null) {
                figures.add(new Figure(entrant, failure, Double.NaN, -1, -1, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN));
                continue;
            }
            List<RunResult> measured = runs(workload, entrant.key(), false);
            double[] throughput = measured.stream().mapToDouble(RunResult::throughput).toArray();
            double[] p50 = measured.stream().mapToDouble(RunResult::p50Nanos).toArray();
            double[] p99 = measured.stream().mapToDouble(RunResult::p99Nanos).toArray();
            double[] cpu = measured.stream().mapToDouble(RunResult::cpuMicrosPerUnit).toArray();
            double[] ratios = ratios(workload, entrant);
            figures.add(new Figure(entrant, null, median(throughput), (long) median(p50), (long) median(p99),
                    median(cpu), median(ratios), min(ratios), max(ratios)));
        }
        return figures;
    }

    /** The heap measurement of {@code contender} at {@code rows}, or {@code null}. */
    public HeapResult heap(String contender, int rows) {
        for (HeapResult result : results.heap()) {
            if (result.contender().equals(contender) && result.rows() == rows) {
                return result;
            }
        }
        return null;
    }

    /** The row counts the heap was measured at, smallest first. */
    public List<Integer> heapSizes() {
        Map<Integer, Boolean> sizes = new TreeMap<>();
        for (HeapResult result : results.heap()) {
            sizes.put(result.rows(), true);
        }
        return new ArrayList<>(sizes.keySet());
    }

    /** The targets of the issue that apply to what was run, with the figures measured. */
    public List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        if (refract == null) {
            return targets;
        }
        for (Workload workload : workloads()) {
            Figure own = own(workload);
            for (Figure figure : figures(workload)) {
                Role role = figure.entrant().role();
                boolean peerTarget = role == Role.PEER && (workload == Workload.FIND_UNIQUE || workload == Workload.STREAM);
                if (role == Role.RAW || peerTarget) {
                    double bound = role == Role.RAW ? RAW_TARGET : PEER_TARGET;
                    String failure = own != null && own.isFailed() ? "Refract failed: " + own.failure()
                            : figure.isFailed() ? figure.entrant().name() + " failed: " + figure.failure() : null;
                    targets.add(new Target(workload, String.format(java.util.Locale.ROOT,
                            "%s: Refract ≥ %.2f × %s", workload.label(), bound, figure.entrant().name()),
                            failure == null ? figure.ratio() : Double.NaN, bound, true, failure));
                }
            }
        }
        List<Integer> sizes = heapSizes();
        if (sizes.size() >= 2) {
            int small = sizes.get(0);
            int full = sizes.get(sizes.size() - 1);
            HeapResult low = heap(refract.key(), small);
            HeapResult high = heap(refract.key(), full);
            if (low != null && high != null) {
                String failure = low.isFailed() ? low.failure() : high.isFailed() ? high.failure() : null;
                targets.add(new Target(null, String.format(java.util.Locale.ROOT,
                        "stream heap: Refract's peak at %,d rows ≤ %.1f × its peak at %,d rows", full, HEAP_TARGET, small),
                        failure == null ? (double) high.peakBytes() / low.peakBytes() : Double.NaN, HEAP_TARGET, false,
                        failure));
            }
        }
        return targets;
    }

    private Figure own(Workload workload) {
        for (Figure figure : figures(workload)) {
            if (figure.entrant().role() == Role.REFRACT) {
                return figure;
            }
        }
        return null;
    }

    private double[] ratios(Workload workload, Entrant entrant) {
        if (refract == null || entrant.role() == Role.REFRACT) {
            return new double[0];
        }
        List<Double> ratios = new ArrayList<>();
        for (RunResult theirs : runs(workload, entrant.key(), false)) {
            for (RunResult ours : runs(workload, refract.key(), false)) {
                if (ours.round() == theirs.round() && !ours.isFailed() && !theirs.isFailed()) {
                    ratios.add(ours.throughput() / theirs.throughput());
                }
            }
        }
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private List<RunResult> runs(Workload workload, String contender, boolean withWarmup) {
        List<RunResult> found = new ArrayList<>();
        for (RunResult run : results.runs()) {
            if (run.workload() == workload && run.contender().equals(contender) && (withWarmup || run.round() > 0)) {
                found.add(run);
            }
        }
        return found;
    }

    /** The median; NaN for none. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
