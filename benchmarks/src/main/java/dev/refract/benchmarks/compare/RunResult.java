package dev.refract.benchmarks.compare;

/**
 * One run of one workload by one contender.
 *
 * @param workload   the workload
 * @param contender  the contender's key
 * @param round      the measured round from 1, or 0 for the warm-up run
 * @param calls      the calls made (batches for createMany, 1 for a stream)
 * @param units      what the throughput counts: calls, or rows for the stream and createMany
 * @param nanos      the run's wall-clock time
 * @param cpuNanos   the CPU time the whole JVM spent during the run
 * @param p50Nanos   the median latency of a call; -1 when calls are not timed one by one
 * @param p99Nanos   the 99th percentile latency of a call; -1 when calls are not timed one by one
 * @param failure    why the run failed (an error, a wrong result, a time-out), or {@code null}
 */
public record RunResult(Workload workload, String contender, int round, long calls, long units, long nanos,
        long cpuNanos, long p50Nanos, long p99Nanos, String failure) {

    /** A run that failed before it could be timed. */
    public static RunResult failed(Workload workload, String contender, int round, String failure) {
        return new RunResult(workload, contender, round, 0, 0, 0, 0, -1, -1, failure);
    }

    /** True when the run failed. */
    public boolean isFailed() {
        return failure != null;
    }

    /** Units per second. */
    public double throughput() {
        return nanos == 0 ? 0 : units * 1e9 / nanos;
    }

    /** Microseconds of the JVM's CPU time per unit. */
    public double cpuMicrosPerUnit() {
        return units == 0 ? 0 : cpuNanos / 1e3 / units;
    }
}
