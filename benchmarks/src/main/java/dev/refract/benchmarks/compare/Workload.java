package dev.refract.benchmarks.compare;

/**
 * The workloads every contender runs, in the order the harness runs them. The update workload
 * comes last because it leaves dead row versions in the table the reads scan.
 */
public enum Workload {

    /** Look-ups of one record by id, many in flight: calls per second and latency. */
    FIND_UNIQUE("findUnique", "look-up by id", "calls/s", true),
    /** One query streaming every row of the ten-column table: rows per second and peak heap. */
    STREAM("findMany stream", "streaming read", "rows/s", false),
    /** One-to-many include: every parent with its children, parents first, then their children. */
    INCLUDE("include", "parents with children", "calls/s", true),
    /** Inserts of one record each, returning it, many in flight. */
    CREATE("create", "insert one", "calls/s", true),
    /** Inserts in batches, one batch after the other: rows per second. */
    CREATE_MANY("createMany", "insert in batches", "rows/s", true),
    /** Updates by id that increment a counter in the database and return the record, many in flight. */
    INCREMENT("update increment", "atomic increment", "calls/s", true);

    private final String label;
    private final String description;
    private final String unit;
    private final boolean timedPerCall;

    Workload(String label, String description, String unit, boolean timedPerCall) {
        this.label = label;
        this.description = description;
        this.unit = unit;
        this.timedPerCall = timedPerCall;
    }

    /** The short name used in tables, e.g. {@code findUnique}. */
    public String label() {
        return label;
    }

    /** What the workload does, in a few words. */
    public String description() {
        return description;
    }

    /** The unit of its throughput, e.g. {@code calls/s}. */
    public String unit() {
        return unit;
    }

    /** True when each call is timed on its own, so the run has latency percentiles. */
    public boolean timedPerCall() {
        return timedPerCall;
    }
}
