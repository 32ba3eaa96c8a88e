package dev.refract.benchmarks.compare;

import java.util.Arrays;
import java.util.List;

/**
 * One stretch of a run: the units {@code [from, to)} of a workload (calls, or rows for the stream
 * and createMany) run by one contender without a break. A measured round runs every contender's
 * slices in turn, so that a change in the machine's load falls on all of them alike.
 *
 * @param calls      the calls made (batches for createMany, 1 for a stream)
 * @param units      the units done
 * @param nanos      wall-clock time
 * @param cpuNanos   CPU time of the whole JVM (every thread: the client's, the driver's, the collector's)
 * @param latencies  the latency of each call, when calls are timed one by one; else empty
 * @param failure    why the slice failed, or {@code null}
 */
public record Slice(long calls, long units, long nanos, long cpuNanos, long[] latencies, String failure) {

    /** A slice that failed. */
    public static Slice failed(String failure) {
        return new Slice(0, 0, 0, 0, new long[0], failure);
    }

    /** True when the slice failed. */
    public boolean isFailed() {
        return failure != null;
    }

    /**
     * The run made of {@code slices}: their sums, and the percentiles of all their latencies
     * together; failed when one of them failed.
     */
    public static RunResult combine(Workload workload, String contender, int round, List<Slice> slices) {
        long calls = 0;
        long units = 0;
        long nanos = 0;
        long cpu = 0;
        int latencies = 0;
        for (Slice slice : slices) {
            if (slice.isFailed()) {
                return RunResult.failed(workload, contender, round, slice.failure());
            }
            calls += slice.calls;
            units += slice.units;
            nanos += slice.nanos;
            cpu += slice.cpuNanos;
            latencies += slice.latencies.length;
        }
        long[] all = new long[latencies];
        int at = 0;
        for (Slice slice : slices) {
            System.arraycopy(slice.latencies, 0, all, at, slice.latencies.length);
            at += slice.latencies.length;
        }
        Arrays.sort(all);
        return new RunResult(workload, contender, round, calls, units, nanos, cpu, percentile(all, 0.50),
                percentile(all, 0.99), null);
    }

    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
