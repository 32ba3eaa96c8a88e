package dev.refract.saga;

import dev.refract.error.SagaFailedException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import reactor.core.publisher.Mono;

/**
 * How a run of a {@link Saga} ended: {@link Committed} when every step completed, {@link Compensated}
 * when a step failed and every completed step before it was undone, {@link CompensationFailed} when a
 * step failed and then a compensation failed too, leaving steps in effect.
 *
 * <p>A saga signals its failures as outcomes, not as errors, so that the caller sees what was undone.
 * To treat anything but a commit as an error, use {@link #orThrow()} or
 * {@code saga.run().flatMap(SagaOutcome::committedOrError)}, which signal {@link SagaFailedException}.
 */
public sealed interface SagaOutcome {

    /**
     * What the steps that completed produced, in the order they ran: every step for {@link Committed};
     * for the others, the steps before the failed one, including the values compensations were given.
     */
    SagaResults results();

    /** True when every step completed. */
    default boolean committed() {
        return this instanceof Committed;
    }

    /**
     * The results of a committed saga.
     *
     * @throws SagaFailedException when the saga did not commit; its cause is the failed step's error
     */
    default SagaResults orThrow() {
        if (this instanceof Committed) {
            return results();
        }
        throw toException();
    }

    /** The results of a committed saga, or else a {@link SagaFailedException} signalled. */
    default Mono<SagaResults> committedOrError() {
        return this instanceof Committed ? Mono.just(results()) : Mono.error(toException());
    }

    /** The error that says how this saga failed, for {@link #orThrow()}. */
    private SagaFailedException toException() {
        if (this instanceof Compensated compensated) {
            return new SagaFailedException(compensated.failedStep(), compensated.error(), compensated.compensated());
        }
        CompensationFailed failed = (CompensationFailed) this;
        return new SagaFailedException(failed.failedStep(), failed.error(), failed.compensated(),
                failed.compensationFailedStep(), failed.compensationError(), failed.left());
    }

    /**
     * Every step completed.
     *
     * @param results what each step produced
     */
    record Committed(SagaResults results) implements SagaOutcome {

        public Committed {
            Objects.requireNonNull(results, "results");
        }
    }

    /**
     * Step {@code failedStep} failed and every step completed before it was compensated: the saga left
     * nothing behind.
     *
     * @param failedStep  the step whose action failed
     * @param error       its error
     * @param compensated the steps whose compensations ran, in the order they ran (the reverse of the
     *                    steps' order); steps without a compensation, and steps that completed empty,
     *                    had nothing to undo and are not listed
     * @param results     what the steps before the failed one produced
     */
    record Compensated(String failedStep, Throwable error, List<String> compensated, SagaResults results)
            implements SagaOutcome {

        public Compensated {
            Objects.requireNonNull(failedStep, "failedStep");
            Objects.requireNonNull(error, "error");
            compensated = List.copyOf(compensated);
            Objects.requireNonNull(results, "results");
        }
    }

    /**
     * Step {@code failedStep} failed, and while the completed steps were being compensated, the
     * compensation of {@code compensationFailedStep} failed (after its retries, if any). Compensation
     * stopped there: that step and the steps in {@code left} are still in effect and need repair; the
     * values they produced are in {@link #results()}.
     *
     * @param failedStep             the step whose action failed
     * @param error                  its error
     * @param compensationFailedStep the step whose compensation failed
     * @param compensationError      the compensation's error
     * @param compensated            the steps compensated before it, in the order compensated
     * @param left                   the steps whose compensations were not attempted, in the order they
     *                               would have run
     * @param results                what the steps before the failed one produced
     */
    record CompensationFailed(String failedStep, Throwable error, String compensationFailedStep,
            Throwable compensationError, List<String> compensated, List<String> left, SagaResults results)
            implements SagaOutcome {

        public CompensationFailed {
            Objects.requireNonNull(failedStep, "failedStep");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(compensationFailedStep, "compensationFailedStep");
            Objects.requireNonNull(compensationError, "compensationError");
            compensated = List.copyOf(compensated);
            left = List.copyOf(left);
            Objects.requireNonNull(results, "results");
        }

        /** The steps still in effect: {@code compensationFailedStep}, then {@code left}. */
        public List<String> notCompensated() {
            return Stream.concat(Stream.of(compensationFailedStep), left.stream()).toList();
        }
    }
}
