package dev.refract.r2dbc.suite.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Concurrent callers, each making one call after another until stopped, and what became of every
 * call: how long it took, whether it failed and with what, and which writes were acknowledged. A
 * call is a numbered {@link Call}: the load hands out the numbers, so a test can tell which records a
 * call wrote.
 */
final class Load {

    /** What a call is: whether it writes (a record numbered as the call), and the work. */
    record Call(boolean write, Mono<?> work) {}

    /** The end of one call. */
    record Outcome(int number, boolean write, Duration took, Throwable error) {}

    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger successes = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Disposable callers;

    private Load(int callers, AtomicInteger numbers, IntFunction<Call> calls) {
        this.callers = Flux.range(0, callers)
                .flatMap(caller -> Mono.defer(() -> call(numbers.incrementAndGet(), calls))
                        .repeat(() -> !stopping.get()), callers)
                .doFinally(signal -> done.countDown())
                .subscribe();
    }

    /** {@code callers} callers making the calls {@code calls} makes of the numbers {@code numbers} hands out. */
    static Load start(int callers, AtomicInteger numbers, IntFunction<Call> calls) {
        return new Load(callers, numbers, calls);
    }

    private Mono<Void> call(int number, IntFunction<Call> calls) {
        Call call = calls.apply(number);
        long start = System.nanoTime();
        return call.work()
                .then(Mono.fromRunnable(() -> {
                    successes.incrementAndGet();
                    if (call.write()) {
                        acknowledged.add(number);
                    }
                    outcomes.add(new Outcome(number, call.write(), Duration.ofNanos(System.nanoTime() - start), null));
                }))
                .onErrorResume(error -> Mono.fromRunnable(() -> outcomes.add(new Outcome(number, call.write(),
                        Duration.ofNanos(System.nanoTime() - start), error))))
                .then();
    }

    /** Waits until {@code more} calls beyond those that have succeeded so far succeed. */
    void awaitMoreSuccesses(int more, Duration patience) throws InterruptedException {
        int target = successes.get() + more;
        long deadline = System.nanoTime() + patience.toNanos();
        while (successes.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + successes.get() + " of " + target + " calls succeeded within "
                        + patience + "; failures: " + failures().size() + ", e.g. " + failures().stream().findFirst()
                                .map(Outcome::error).orElse(null));
            }
            Thread.sleep(20);
        }
    }

    /** Waits until some call has failed, at most {@code patience}; true when one did. */
    boolean awaitFailure(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (failures().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return !failures().isEmpty();
    }

    /**
     * Lets every caller finish its call and stop; fails when they have not within {@code patience}
     * (a call that hangs), after cancelling them.
     */
    void stop(Duration patience) throws InterruptedException {
        stopping.set(true);
        if (!done.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            callers.dispose();
            throw new AssertionError("the callers did not finish their calls within " + patience
                    + ": a call hangs");
        }
    }

    /** Every call that ended, in the order they ended. */
    List<Outcome> outcomes() {
        return new ArrayList<>(outcomes);
    }

    /** Every call that failed. */
    List<Outcome> failures() {
        return outcomes.stream().filter(outcome -> outcome.error() != null).toList();
    }

    /** The numbers of the writes that succeeded. */
    Set<Integer> acknowledged() {
        return Set.copyOf(acknowledged);
    }
}
