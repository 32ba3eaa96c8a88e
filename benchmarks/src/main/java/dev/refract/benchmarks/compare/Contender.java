package dev.refract.benchmarks.compare;

import java.util.EnumSet;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * One way of running the workloads against a server: Refract's generated client, the raw driver,
 * or a peer library. Every method is cold (nothing runs before subscription) and reduces what it
 * reads to fingerprints (see {@link Dataset}), so the harness can check each result against the
 * seeded data without holding it; each contender maps every column into its own records first, as
 * an application would.
 *
 * <p>A contender for a datasource that cannot run a workload leaves it out of {@link #workloads()};
 * the others throw {@link UnsupportedOperationException} from its method.
 */
public interface Contender {

    /** A short stable name for the command line, e.g. {@code spring-repository}. */
    String key();

    /** The name in the report, e.g. {@code Spring Data R2DBC (repository)}. */
    String name();

    /** What the contender stands for. */
    Role role();

    /** The workloads it runs; all by default. */
    default Set<Workload> workloads() {
        return EnumSet.allOf(Workload.class);
    }

    /**
     * The fingerprint ({@link Dataset#sample}) of the ten-column record with {@code id}; empty when
     * there is none.
     */
    Mono<Long> findUnique(int id);

    /**
     * Streams every ten-column record whose id is at most {@code maxId} in one query, with the
     * contender's fetch size, handing each one's fingerprint to {@code sink} as it arrives.
     */
    Mono<Void> stream(int maxId, RowSink sink);

    /**
     * Creates the entry of data index {@code index} ({@link Dataset}) and returns the content
     * fingerprint ({@link Dataset#content}) of the record the database returned.
     */
    Mono<Long> create(int index);

    /** Creates the entries of data indexes {@code first} to {@code first + count - 1} in one batch; returns how many. */
    Mono<Long> createMany(int first, int count);

    /**
     * Reads every parent with its children and returns the sum of their fingerprints
     * ({@link Dataset#parent}); signals {@link WrongResultException} when a parent comes back
     * without its children loaded.
     */
    Mono<Long> include();

    /**
     * Adds one to the counter of the ten-column record with {@code id} in the database and returns
     * the fingerprint of the record as updated (the counter is not part of it).
     */
    Mono<Long> increment(int id);

    /** Releases the contender's pool. */
    Mono<Void> close();
}
