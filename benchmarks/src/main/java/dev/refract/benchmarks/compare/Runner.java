package dev.refract.benchmarks.compare;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.IntFunction;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs one workload once for one contender and checks every result it returns against the
 * {@link Dataset}: a contender that returns a wrong result, fails or runs out of time is reported
 * as failed, not timed.
 *
 * <p>Calls run in a closed loop: {@code inFlight} of them are subscribed at once, and each one that
 * completes makes room for the next. A call's latency runs from its subscription to its result.
 */
public final class Runner {

    /** The longest a run may take before it counts as failed. */
    static final Duration TIME_LIMIT = Duration.ofMinutes(10);

    private static final long LOOKUP_SALT = 0x5DEECE66DL;
    private static final long INCREMENT_SALT = 0xB5297A4D3F84D5B5L;

    private final Settings settings;
    private final long[] samples;
    private final long includeSum;

    /**
     * A runner for {@code settings}; computes the fingerprint of every seeded record once (8 bytes
     * a row) so that checking a look-up costs an array read.
     */
    public Runner(Settings settings) {
        this.settings = settings;
        this.samples = new long[settings.streamRows() + 1];
        for (int id = 1; id <= settings.streamRows(); id++) {
            samples[id] = Dataset.expectedSample(id);
        }
        this.includeSum = Dataset.expectedInclude(settings.parents(), settings.childrenPerParent());
    }

    /** The id the {@code call}-th look-up asks for: spread over the whole table, the same for every contender. */
    public int lookupId(int call) {
        return pick(call, LOOKUP_SALT);
    }

    /** The id the {@code call}-th increment updates. */
    public int incrementId(int call) {
        return pick(call, INCREMENT_SALT);
    }

    /**
     * Runs {@code workload} on {@code contender}: at a tenth (or {@link Settings#warmupPercent()}) of
     * its size for the warm-up ({@code round} 0), at full size otherwise.
     */
    public RunResult run(Lineup lineup, Contender contender, Workload workload, int round) {
        boolean warmup = round == 0;
        try {
            lineup.prepare(workload);
            RunResult result = switch (workload) {
                case FIND_UNIQUE -> calls(contender, workload, round, size(settings.findUniqueCalls(), warmup),
                        settings.inFlight(), call -> {
                            int id = lookupId(call);
                            return check(contender.findUnique(id), samples[id], "findUnique of id " + id);
                        });
                case STREAM -> stream(contender, round, warmup ? size(settings.streamRows(), true) : settings.streamRows());
                case INCLUDE -> calls(contender, workload, round, size(settings.includeCalls(), warmup), 1,
                        call -> check(contender.include(), includeSum, "include of " + settings.parents()
                                + " parents with " + settings.childrenPerParent() + " children each"));
                case CREATE -> calls(contender, workload, round, size(settings.createCalls(), warmup),
                        settings.inFlight(), index -> check(contender.create(index), Dataset.expectedContent(index),
                                "create of data index " + index));
                case CREATE_MANY -> createMany(contender, round, size(settings.createManyRows(), warmup));
                case INCREMENT -> calls(contender, workload, round, size(settings.incrementCalls(), warmup),
                        settings.inFlight(), call -> {
                            int id = incrementId(call);
                            return check(contender.increment(id), samples[id], "increment of id " + id);
                        });
            };
            if (result.isFailed()) {
                return result;
            }
            String problem = lineup.verify(workload, result.units());
            return problem == null ? result : RunResult.failed(workload, contender.key(), round, problem);
        } catch (RuntimeException e) {
            return RunResult.failed(workload, contender.key(), round, describe(e));
        }
    }

    private int size(int full, boolean warmup) {
        return warmup ? settings.warmup(full) : full;
    }

    private RunResult createMany(Contender contender, int round, int rows) {
        int batch = settings.batchSize();
        int batches = (rows + batch - 1) / batch;
        RunResult byBatch = calls(contender, Workload.CREATE_MANY, round, batches, 1, index -> {
            int first = index * batch;
            int count = Math.min(batch, rows - first);
            return check(contender.createMany(first, count), count, "createMany of data indexes " + first + " to "
                    + (first + count - 1));
        });
        return byBatch.isFailed() ? byBatch : new RunResult(byBatch.workload(), byBatch.contender(), round, batches, rows,
                byBatch.nanos(), byBatch.p50Nanos(), byBatch.p99Nanos(), null);
    }

    private RunResult calls(Contender contender, Workload workload, int round, int calls, int inFlight,
            IntFunction<Mono<Long>> call) {
        long[] latencies = new long[calls];
        long start = System.nanoTime();
        try {
            Flux.range(0, calls)
                    .flatMap(i -> Mono.defer(() -> {
                        long begun = System.nanoTime();
                        return call.apply(i).doOnNext(result -> latencies[i] = System.nanoTime() - begun);
                    }), inFlight, 1)
                    .then()
                    .block(TIME_LIMIT);
        } catch (RuntimeException e) {
            return RunResult.failed(workload, contender.key(), round, describe(e));
        }
        long nanos = System.nanoTime() - start;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new RunResult(workload, contender.key(), round, calls, calls, nanos,
                percentile(sorted, 0.50), percentile(sorted, 0.99), null);
    }

    private RunResult stream(Contender contender, int round, int maxId) {
        long expected = 0;
        for (int id = 1; id <= maxId; id++) {
            expected += samples[id];
        }
        // rows and the sum of their fingerprints; one stream delivers its rows one after the other, and
        // block() hands what the delivering threads wrote to this one
        long[] tally = new long[2];
        long start = System.nanoTime();
        try {
            contender.stream(maxId, fingerprint -> {
                tally[0]++;
                tally[1] += fingerprint;
            }).block(TIME_LIMIT);
        } catch (RuntimeException e) {
            return RunResult.failed(Workload.STREAM, contender.key(), round, describe(e));
        }
        long nanos = System.nanoTime() - start;
        if (tally[0] != maxId || tally[1] != expected) {
            return RunResult.failed(Workload.STREAM, contender.key(), round, tally[0] != maxId
                    ? "wrong result: the stream of ids 1 to " + maxId + " delivered " + tally[0] + " rows"
                    : "wrong result: the stream of ids 1 to " + maxId + " delivered rows whose values differ from"
                            + " the seeded data");
        }
        return new RunResult(Workload.STREAM, contender.key(), round, 1, maxId, nanos, -1, -1, null);
    }

    private static Mono<Long> check(Mono<Long> result, long expected, String what) {
        return result
                .switchIfEmpty(Mono.error(() -> new WrongResultException(what + " returned nothing")))
                .doOnNext(found -> {
                    if (found != expected) {
                        throw new WrongResultException(what + " returned values that differ from the seeded data");
                    }
                });
    }

    private int pick(int call, long salt) {
        return 1 + (int) Math.floorMod(Dataset.mix(call + salt), (long) settings.streamRows());
    }

    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** One line about an error, for the report. */
    static String describe(Throwable error) {
        Throwable shown = Exceptions.unwrap(error);
        String message = shown.getMessage() == null ? "" : shown.getMessage().strip().replace('\n', ' ');
        if (shown instanceof IllegalStateException && message.startsWith("Timeout on blocking read")) {
            return "did not finish within " + TIME_LIMIT.toMinutes() + " minutes";
        }
        if (shown instanceof WrongResultException) {
            return "wrong result: " + message;
        }
        return shown.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
