package dev.refract.saga;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;
import reactor.util.Logger;
import reactor.util.retry.Retry;

/**
 * One run of a saga: goes forward step by step, and on a failure or a cancellation back through the
 * compensations. Its publishers never signal an error: every failure ends in an outcome. The steps run
 * one after the other, so the state below is touched by one signal at a time.
 */
final class SagaRun {

    private final String saga;
    private final List<SagaStep<?>> steps;
    private final List<String> stepNames;
    private final Retry compensationRetry;
    private final Logger log;
    /** The steps completed so far, in the order they ran. */
    private final List<SagaStep.Completed> completed = new ArrayList<>();
    /** The step running now, for the outcome of a cancellation. */
    private volatile String running;
    /** The step that ran when the subscriber cancelled; {@code null} until it does. */
    private volatile String cancelledDuring;

    SagaRun(String saga, List<SagaStep<?>> steps, List<String> stepNames, Retry compensationRetry, Logger log) {
        this.saga = saga;
        this.steps = steps;
        this.stepNames = stepNames;
        this.compensationRetry = compensationRetry;
        this.log = log;
    }

    Mono<SagaOutcome> start() {
        return Mono.defer(() -> forward(0, SagaResults.none(stepNames)));
    }

    /** Aborts the run: no step starts after the running one, and the completed ones are compensated. */
    void cancel() {
        String step = running;
        cancelledDuring = step == null ? "(not started)" : step;
    }

    private Mono<SagaOutcome> forward(int index, SagaResults done) {
        String cancelled = cancelledDuring;
        if (cancelled != null) {
            return compensate(cancelled, new CancellationException("The subscriber of saga '" + saga
                    + "' cancelled while step '" + cancelled + "' ran"), done);
        }
        if (index == steps.size()) {
            return Mono.just(new SagaOutcome.Committed(done));
        }
        SagaStep<?> step = steps.get(index);
        running = step.name();
        return step.perform(done, compensationRetry).materialize().flatMap(signal -> {
            if (signal.isOnError()) {
                return compensate(step.name(), signal.getThrowable(), done);
            }
            SagaStep.Completed result = signal.get();
            completed.add(result);
            return forward(index + 1, done.with(result.step(), result.value()));
        });
    }

    /** Compensates the completed steps that have something to undo, last first. */
    private Mono<SagaOutcome> compensate(String failedStep, Throwable error, SagaResults done) {
        List<SagaStep.Completed> undoing = new ArrayList<>(completed.size());
        for (int i = completed.size() - 1; i >= 0; i--) {
            if (completed.get(i).undo() != null) {
                undoing.add(completed.get(i));
            }
        }
        String order = undoing.isEmpty() ? "nothing to compensate"
                : "compensating " + String.join(", ", undoing.stream().map(SagaStep.Completed::step).toList());
        if (error instanceof CancellationException) {
            log.warn("Saga '{}' was cancelled while step '{}' ran; once it ended, {}", saga, failedStep, order);
        } else {
            log.warn("Saga '{}' failed at step '{}' ({}); {}", saga, failedStep, error, order);
        }
        return undo(undoing, 0, new ArrayList<>(), failedStep, error, done);
    }

    private Mono<SagaOutcome> undo(List<SagaStep.Completed> undoing, int index, List<String> compensated,
            String failedStep, Throwable error, SagaResults done) {
        if (index == undoing.size()) {
            if (error instanceof CancellationException) {
                log.warn("Saga '{}', cancelled, is compensated: {}", saga, String.join(", ", compensated));
            }
            return Mono.just(new SagaOutcome.Compensated(failedStep, error, compensated, done));
        }
        SagaStep.Completed step = undoing.get(index);
        return step.undo().materialize().flatMap((Signal<Void> signal) -> {
            if (signal.isOnError()) {
                List<String> left = undoing.subList(index + 1, undoing.size()).stream()
                        .map(SagaStep.Completed::step).toList();
                log.error("Saga '" + saga + "' failed at step '" + failedStep + "' and the compensation of step '"
                        + step.step() + "' failed too, so compensation stopped: "
                        + (compensated.isEmpty() ? "nothing was" : String.join(", ", compensated) + " were")
                        + " compensated, and " + step.step() + (left.isEmpty() ? "" : ", " + String.join(", ", left))
                        + " remain in effect and need repair", signal.getThrowable());
                return Mono.just(new SagaOutcome.CompensationFailed(failedStep, error, step.step(),
                        signal.getThrowable(), compensated, left, done));
            }
            compensated.add(step.step());
            return undo(undoing, index + 1, compensated, failedStep, error, done);
        });
    }
}
