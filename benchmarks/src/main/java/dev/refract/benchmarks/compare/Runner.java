package dev.refract.benchmarks.compare;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a stretch of one workload for one contender ({@link Slice}) and checks every result it
 * returns against the {@link Dataset}: a contender that returns a wrong result, fails or runs out
 * of time is reported as failed, not timed.
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

    /** The full size of {@code workload}, in its units: calls, or rows for the stream and createMany. */
    public int size(Workload workload) {
        return switch (workload) {
            case FIND_UNIQUE -> settings.findUniqueCalls();
            case STREAM -> settings.streamRows();
            case INCLUDE -> settings.includeCalls();
            case CREATE -> settings.createCalls();
            case CREATE_MANY -> settings.createManyRows();
            case INCREMENT -> settings.incrementCalls();
        };
    }

    /**
     * Runs the units {@code [from, to)} of {@code workload} on {@code contender}: look-ups, reads,
     * creates (of data indexes {@code from…to-1}) or increments number {@code from…to-1}, or, for the
     * stream, which cannot be split, the stream of ids 1 to {@code to} ({@code from} must be 0).
     * Readies the data before ({@link Lineup#prepare}) and checks it after ({@link Lineup#verify}).
     */
    public Slice run(Lineup lineup, Contender contender, Workload workload, int from, int to) {
        try {
            lineup.prepare(workload);
            Slice slice = switch (workload) {
                case FIND_UNIQUE -> calls(from, to, settings.inFlight(), call -> {
                    int id = lookupId(call);
                    return check(contender.findUnique(id), samples[id], () -> "findUnique of id " + id);
                });
                case STREAM -> {
                    if (from != 0) {
                        throw new IllegalArgumentException("a stream cannot be split: it runs from 0, not " + from);
                    }
                    yield stream(contender, to);
                }
                case INCLUDE -> calls(from, to, 1, call -> check(contender.include(), includeSum, () -> "include of "
                        + settings.parents() + " parents with " + settings.childrenPerParent() + " children each"));
                case CREATE -> calls(from, to, settings.inFlight(), index -> check(contender.create(index),
                        Dataset.expectedContent(index), () -> "create of data index " + index));
                case CREATE_MANY -> createMany(contender, from, to);
                case INCREMENT -> calls(from, to, settings.inFlight(), call -> {
                    int id = incrementId(call);
                    return check(contender.increment(id), samples[id], () -> "increment of id " + id);
                });
            };
            if (slice.isFailed()) {
                return slice;
            }
            String problem = lineup.verify(workload, slice.units());
            return problem == null ? slice : Slice.failed(problem);
        } catch (RuntimeException e) {
            return Slice.failed(describe(e));
        }
    }

    private Slice createMany(Contender contender, int from, int to) {
        int batch = settings.batchSize();
        int batches = (to - from + batch - 1) / batch;
        Slice byBatch = calls(0, batches, 1, index -> {
            int first = from + index * batch;
            int count = Math.min(batch, to - first);
            return check(contender.createMany(first, count), count, () -> "createMany of data indexes " + first + " to "
                    + (first + count - 1));
        });
        return byBatch.isFailed() ? byBatch : new Slice(batches, to - from, byBatch.nanos(), byBatch.cpuNanos(),
                byBatch.latencies(), null);
    }

    /**
     * Runs calls {@code from} to {@code to - 1}, {@code inFlight} at once. A call whose result is
     * wrong does not stop the others (an error would, and the errors of the calls still in flight
     * would be dropped): the slice fails afterwards, with the first wrong result and their number.
     */
    private Slice calls(int from, int to, int inFlight, IntFunction<Mono<Optional<String>>> call) {
        int calls = to - from;
        long[] latencies = new long[calls];
        AtomicInteger wrong = new AtomicInteger();
        AtomicReference<String> firstWrong = new AtomicReference<>();
        long cpu = cpuTime();
        long start = System.nanoTime();
        try {
            Flux.range(from, calls)
                    .flatMap(i -> Mono.defer(() -> {
                        long begun = System.nanoTime();
                        return call.apply(i).doOnNext(problem -> {
                            latencies[i - from] = System.nanoTime() - begun;
                            if (problem.isPresent()) {
                                wrong.incrementAndGet();
                                firstWrong.compareAndSet(null, problem.get());
                            }
                        });
                    }), inFlight, 1)
                    .then()
                    .block(TIME_LIMIT);
        } catch (RuntimeException e) {
            return Slice.failed(describe(e));
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = cpuTime() - cpu;
        if (wrong.get() > 0) {
            return Slice.failed("wrong result: " + firstWrong.get() + (wrong.get() == 1 ? ""
                    : " (" + wrong.get() + " of " + calls + " calls returned wrong results)"));
        }
        return new Slice(calls, calls, nanos, cpuNanos, latencies, null);
    }

    private Slice stream(Contender contender, int maxId) {
        long expected = 0;
        for (int id = 1; id <= maxId; id++) {
            expected += samples[id];
        }
        // rows and the sum of their fingerprints; one stream delivers its rows one after the other, and
        // block() hands what the delivering threads wrote to this one
        long[] tally = new long[2];
        long cpu = cpuTime();
        long start = System.nanoTime();
        try {
            contender.stream(maxId, fingerprint -> {
                tally[0]++;
                tally[1] += fingerprint;
            }).block(TIME_LIMIT);
        } catch (RuntimeException e) {
            return Slice.failed(describe(e));
        }
        long nanos = System.nanoTime() - start;
        long cpuNanos = cpuTime() - cpu;
        if (tally[0] != maxId || tally[1] != expected) {
            return Slice.failed(tally[0] != maxId
                    ? "wrong result: the stream of ids 1 to " + maxId + " delivered " + tally[0] + " rows"
                    : "wrong result: the stream of ids 1 to " + maxId + " delivered rows whose values differ from"
                            + " the seeded data");
        }
        return new Slice(1, maxId, nanos, cpuNanos, new long[0], null);
    }

    /** What is wrong with {@code result}, if anything: empty when it is {@code expected}. */
    private static Mono<Optional<String>> check(Mono<Long> result, long expected, Supplier<String> what) {
        return result
                .map(found -> found == expected ? Optional.<String>empty()
                        : Optional.of(what.get() + " returned values that differ from the seeded data"))
                .switchIfEmpty(Mono.fromSupplier(() -> Optional.of(what.get() + " returned nothing")));
    }

    private static long cpuTime() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private int pick(int call, long salt) {
        return 1 + (int) Math.floorMod(Dataset.mix(call + salt), (long) settings.streamRows());
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
