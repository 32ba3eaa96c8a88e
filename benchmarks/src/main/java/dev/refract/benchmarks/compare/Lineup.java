package dev.refract.benchmarks.compare;

import java.util.List;
import java.util.Map;

/**
 * One server with its data and the contenders that run against it: for PostgreSQL, Refract's
 * client, the raw r2dbc-postgresql driver and Spring Data R2DBC. A lineup for another datasource
 * adds its rows to the report by implementing this and {@link Contender}, and registering itself
 * in {@link Lineups}; the harness, the checks, the report and the chart stay as they are.
 */
public interface Lineup extends AutoCloseable {

    /** The name {@link Lineups#contender} knows it by, e.g. {@code postgresql}. */
    String key();

    /** The server, for the report, e.g. {@code PostgreSQL 15.19 on 127.0.0.1:5432 (local)}. */
    String server();

    /** Where the data lives, for a child JVM to connect to the same data (an R2DBC URL for PostgreSQL). */
    String address();

    /**
     * What a reader of the report must know about this lineup's figures, e.g. that the server ran in the
     * harness's own JVM; {@code null} when there is nothing to say.
     */
    default String note() {
        return null;
    }

    /** The libraries the contenders run on, each with its version. */
    Map<String, String> versions();

    /** The contenders, in the order each round runs them; Refract first. */
    List<Contender> contenders();

    /** Readies the data for one run of {@code workload}, e.g. empties the table the creates write. */
    void prepare(Workload workload);

    /**
     * Checks what a completed run of {@code workload} left in the database, after it created or
     * updated {@code units} rows.
     *
     * @return what is wrong, or {@code null} when all is as it should be
     */
    String verify(Workload workload, long units);

    /** Closes the contenders and removes the data. */
    @Override
    void close();
}
