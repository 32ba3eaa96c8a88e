package dev.refract.benchmarks.compare;

import java.util.List;

/**
 * When a contender has warmed up: the rule the harness applies to each contender before every
 * workload's measured rounds, the same for all of them, so that none is measured while the JIT
 * compiler is still busy with it, however long its call path.
 *
 * <p>A contender runs warm-up slices of {@code slicePercent} of the workload's size, the contenders
 * in turn, until the throughputs of its last {@link #AGREEING} slices lie within
 * {@code tolerancePercent} of the fastest of them (the first slice, which runs cold, never counts),
 * or until its slices add up to {@code capPercent} of the workload, whichever comes first. A
 * contender whose path compiles slowly thus warms up longer than one that settles at once; three
 * slices rather than two, because two slow slices can agree by chance while the compiler is busy.
 *
 * @param slicePercent      the size of one warm-up slice, in percent of the workload's size
 * @param tolerancePercent  how far apart, in percent of the fastest, the last slices' throughputs may lie
 * @param capPercent        the most a contender warms up, in percent of the workload's size
 */
public record Warmup(int slicePercent, int tolerancePercent, int capPercent) {

    /** How many slices in a row must agree. */
    public static final int AGREEING = 3;
    /** The fewest slices of a warm-up: the first runs cold, and {@link #AGREEING} more must agree. */
    public static final int MIN_SLICES = AGREEING + 1;

    public Warmup {
        if (slicePercent < 1 || slicePercent > 100) {
            throw new IllegalArgumentException("--warmupSlicePercent must lie between 1 and 100, was " + slicePercent);
        }
        if (tolerancePercent < 1 || tolerancePercent > 100) {
            throw new IllegalArgumentException("--warmupTolerancePercent must lie between 1 and 100, was "
                    + tolerancePercent);
        }
        if (capPercent < slicePercent) {
            throw new IllegalArgumentException("--warmupCapPercent (" + capPercent + ") must be at least"
                    + " --warmupSlicePercent (" + slicePercent + ")");
        }
    }

    /** The units of one warm-up slice of a workload of {@code size} units: at least one. */
    public int sliceSize(int size) {
        return Math.max(1, (int) ((long) size * slicePercent / 100));
    }

    /** The most slices a contender warms up with, for a workload of {@code size} units: at least {@link #MIN_SLICES}. */
    public int maxSlices(int size) {
        long cap = (long) size * capPercent / 100;
        return (int) Math.max(MIN_SLICES, cap / sliceSize(size));
    }

    /** True when the throughputs of a contender's warm-up slices so far, in order, say it has warmed up. */
    public boolean settled(List<Double> throughputs) {
        int n = throughputs.size();
        if (n < MIN_SLICES) {
            return false;
        }
        double fastest = 0;
        double slowest = Double.MAX_VALUE;
        for (double throughput : throughputs.subList(n - AGREEING, n)) {
            fastest = Math.max(fastest, throughput);
            slowest = Math.min(slowest, throughput);
        }
        return fastest > 0 && fastest - slowest <= fastest * tolerancePercent / 100;
    }
}
