package dev.refract.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.util.TestLogger;
import reactor.util.retry.Retry;

/**
 * The saga's logic with steps that are plain publishers: what runs, in which order, what is undone and
 * what the outcome says. The steps record what they do in a journal.
 */
class SagaTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());
    private final TestLogger log = new TestLogger(false);

    record Run(String id) {
    }

    record Item(String id, String runId) {
    }

    private <T> Mono<T> does(String step, T value) {
        return Mono.fromCallable(() -> {
            journal.add("do " + step);
            return value;
        });
    }

    private Mono<Void> undoes(String step) {
        return Mono.fromRunnable(() -> journal.add("undo " + step));
    }

    private static <T> Mono<T> fails(String message) {
        return Mono.error(new IllegalStateException(message));
    }

    private Saga threeSteps(Mono<String> third) {
        return Saga.create().loggingTo(log)
                .step("first", done -> does("first", "a"), a -> undoes("first"))
                .step("second", done -> does("second", "b"), b -> undoes("second"))
                .step("third", done -> third, c -> undoes("third"));
    }

    @Test
    void everyStepCompletingCommitsWithEachStepsResult() {
        StepVerifier.create(threeSteps(does("third", "c")).run())
                .assertNext(outcome -> {
                    assertThat(outcome).isInstanceOf(SagaOutcome.Committed.class);
                    assertThat(outcome.committed()).isTrue();
                    assertThat(outcome.results().steps()).containsExactly("first", "second", "third");
                    assertThat(outcome.results().get("third", String.class)).isEqualTo("c");
                })
                .expectComplete()
                .verify(WAIT);

        assertThat(journal).containsExactly("do first", "do second", "do third");
        assertThat(log.getErrContent()).isEmpty();
    }

    @Test
    void failureAtTheThirdOfThreeStepsCompensatesTheSecondThenTheFirst() {
        StepVerifier.create(threeSteps(fails("third broke")).run())
                .assertNext(outcome -> {
                    SagaOutcome.Compensated compensated = (SagaOutcome.Compensated) outcome;
                    assertThat(compensated.failedStep()).isEqualTo("third");
                    assertThat(compensated.error()).hasMessage("third broke");
                    assertThat(compensated.compensated()).containsExactly("second", "first");
                    assertThat(compensated.results().steps()).containsExactly("first", "second");
                    assertThat(compensated.committed()).isFalse();
                })
                .expectComplete()
                .verify(WAIT);

        assertThat(journal).containsExactly("do first", "do second", "undo second", "undo first");
        assertThat(log.getErrContent()).contains("WARN").contains("Saga 'saga' failed at step 'third'")
                .contains("third broke").contains("compensating second, first").doesNotContain("ERROR");
    }

    @Test
    void aFailedStepIsNotCompensatedAndNoLaterStepStarts() {
        Saga saga = Saga.create().loggingTo(log)
                .step("first", done -> does("first", "a"), a -> undoes("first"))
                .step("second", done -> fails("second broke"), b -> undoes("second"))
                .step("third", done -> does("third", "c"), c -> undoes("third"));

        SagaOutcome outcome = saga.run().block(WAIT);

        assertThat(((SagaOutcome.Compensated) outcome).compensated()).containsExactly("first");
        assertThat(journal).containsExactly("do first", "undo first");
    }

    @Test
    void aStepSeesWhatTheStepsBeforeItProducedAndItsCompensationGetsItsOwnValue() {
        List<Object> undone = Collections.synchronizedList(new ArrayList<>());
        Saga saga = Saga.create().loggingTo(log)
                .step("run", done -> Mono.just(new Run("r1")), run -> Mono.fromRunnable(() -> undone.add(run)))
                .step("item", done -> Mono.just(new Item("i1", done.get("run", Run.class).id())),
                        item -> Mono.fromRunnable(() -> undone.add(item)))
                .step("check", done -> done.get("item", Item.class).runId().equals("r1")
                        ? fails("run r1 is not allowed") : Mono.just(true));

        SagaOutcome outcome = saga.run().block(WAIT);

        assertThat(outcome).isInstanceOf(SagaOutcome.Compensated.class);
        assertThat(undone).containsExactly(new Item("i1", "r1"), new Run("r1"));
        assertThat(outcome.results().get("item", Item.class)).isEqualTo(new Item("i1", "r1"));
    }

    @Test
    void stepsWithoutCompensationHaveNothingToUndoAndAreNotListed() {
        Saga saga = Saga.create().loggingTo(log)
                .step("first", done -> does("first", "a"), a -> undoes("first"))
                .step("read", done -> does("read", 42))
                .step("third", done -> fails("third broke"));

        SagaOutcome outcome = saga.run().block(WAIT);

        assertThat(((SagaOutcome.Compensated) outcome).compensated()).containsExactly("first");
        assertThat(journal).containsExactly("do first", "do read", "undo first");
    }

    @Test
    void compensationsRunOneAtATimeInReverseOrder() {
        Saga saga = Saga.create().loggingTo(log)
                .step("first", done -> does("first", "a"), a -> slowUndo("first"))
                .step("second", done -> does("second", "b"), b -> slowUndo("second"))
                .step("third", done -> fails("third broke"));

        StepVerifier.create(saga.run()).expectNextMatches(outcome -> !outcome.committed()).expectComplete()
                .verify(WAIT);

        assertThat(journal).containsExactly("do first", "do second", "start undo second", "end undo second",
                "start undo first", "end undo first");
    }

    private Mono<Void> slowUndo(String step) {
        return Mono.delay(Duration.ofMillis(20)).doOnSubscribe(s -> journal.add("start undo " + step))
                .doOnNext(tick -> journal.add("end undo " + step)).then();
    }

    @Test
    void aFailingCompensationStopsTheChainAndReportsWhatWasCompensatedAndWhatWasLeft() {
        Saga saga = Saga.create().loggingTo(log)
                .step("first", done -> does("first", "a"), a -> undoes("first"))
                .step("second", done -> does("second", "b"), b -> fails("cannot undo second"))
                .step("third", done -> does("third", "c"), c -> undoes("third"))
                .step("fourth", done -> fails("fourth broke"));

        SagaOutcome outcome = saga.run().block(WAIT);

        SagaOutcome.CompensationFailed failed = (SagaOutcome.CompensationFailed) outcome;
        assertThat(failed.failedStep()).isEqualTo("fourth");
        assertThat(failed.error()).hasMessage("fourth broke");
        assertThat(failed.compensationFailedStep()).isEqualTo("second");
        assertThat(failed.compensationError()).hasMessage("cannot undo second");
        assertThat(failed.compensated()).containsExactly("third");
        assertThat(failed.left()).containsExactly("first");
        assertThat(failed.notCompensated()).containsExactly("second", "first");
        assertThat(failed.results().get("first", String.class)).isEqualTo("a");
        assertThat(journal).containsExactly("do first", "do second", "do third", "undo third");
        assertThat(log.getErrContent()).contains("WARN").contains("ERROR")
                .contains("the compensation of step 'second' failed").contains("second, first remain in effect")
                .contains("cannot undo second");
    }

    @Test
    void aFailedCompensationIsRetriedAsTheSagaSays() {
        AtomicInteger attempts = new AtomicInteger();
        Saga saga = Saga.create().loggingTo(log).retryCompensations(Retry.max(2))
                .step("first", done -> does("first", "a"), a -> attempts.incrementAndGet() < 3
                        ? fails("not yet") : undoes("first"))
                .step("second", done -> fails("second broke"));

        SagaOutcome outcome = saga.run().block(WAIT);

        assertThat(outcome).isInstanceOf(SagaOutcome.Compensated.class);
        assertThat(attempts).hasValue(3);
        assertThat(journal).containsExactly("do first", "undo first");
    }

    @Test
    void aCompensationStillFailingAfterItsRetriesIsReportedWithItsOwnError() {
        AtomicInteger attempts = new AtomicInteger();
        Saga saga = Saga.create().loggingTo(log).retryCompensations(2, Duration.ofMillis(1))
                .step("first", done -> does("first", "a"), a -> Mono.defer(() -> {
                    attempts.incrementAndGet();
                    return fails("never undone");
                }))
                .step("second", done -> fails("second broke"));

        SagaOutcome outcome = saga.run().block(WAIT);

        SagaOutcome.CompensationFailed failed = (SagaOutcome.CompensationFailed) outcome;
        assertThat(failed.compensationError()).isInstanceOf(IllegalStateException.class).hasMessage("never undone");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aStepsOwnRetryWinsOverTheSagas() {
        AtomicInteger attempts = new AtomicInteger();
        Saga saga = Saga.create().loggingTo(log).retryCompensations(Retry.max(0))
                .step(SagaStep.of("first", done -> does("first", "a"))
                        .compensatedBy(a -> attempts.incrementAndGet() < 4 ? fails("not yet") : undoes("first"))
                        .retryingCompensation(Retry.max(3)))
                .step("second", done -> fails("second broke"));

        assertThat(saga.run().block(WAIT)).isInstanceOf(SagaOutcome.Compensated.class);
        assertThat(attempts).hasValue(4);
    }

    @Test
    void anActionCompletingEmptyFailsItsStepNamingIt() {
        Saga saga = Saga.create().loggingTo(log)
                .step("first", done -> does("first", "a"), a -> undoes("first"))
                .step("lookup", done -> Mono.empty());

        SagaOutcome.Compensated outcome = (SagaOutcome.Compensated) saga.run().block(WAIT);

        assertThat(outcome.failedStep()).isEqualTo("lookup");
        assertThat(outcome.error()).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("Saga step 'lookup' completed without a value").hasMessageContaining("allowingEmpty()");
        assertThat(journal).containsExactly("do first", "undo first");
    }

    @Test
    void aStepAllowedToBeEmptyCompletesWithoutAValueAndHasNothingToUndo() {
        Saga saga = Saga.create().loggingTo(log)
                .step(SagaStep.of("optional", done -> Mono.<String>empty()).compensatedBy(v -> undoes("optional"))
                        .allowingEmpty())
                .step("next", done -> Mono.just(done.find("optional", String.class).orElse("none")))
                .step("last", done -> fails("last broke"));

        SagaOutcome outcome = saga.run().block(WAIT);

        assertThat(outcome.results().get("next", String.class)).isEqualTo("none");
        assertThat(outcome.results().completed("optional")).isTrue();
        assertThat(((SagaOutcome.Compensated) outcome).compensated()).isEmpty();
        assertThat(journal).isEmpty();
    }

    @Test
    void anActionThatThrowsOrReturnsNullOrEmitsTwoValuesFailsItsStep() {
        Saga throwing = Saga.create().loggingTo(log).step("throws", done -> {
            throw new IllegalArgumentException("bad input");
        });
        Saga nothing = Saga.create().loggingTo(log).step("null", done -> null);
        Saga many = Saga.create().loggingTo(log).step("many", done -> Flux.just(1, 2));
        Saga one = Saga.create().loggingTo(log).step("one", done -> Flux.just(1));

        assertThat(((SagaOutcome.Compensated) throwing.run().block(WAIT)).error()).hasMessage("bad input");
        assertThat(((SagaOutcome.Compensated) nothing.run().block(WAIT)).error())
                .hasMessageContaining("The action of saga step 'null' returned null");
        assertThat(((SagaOutcome.Compensated) many.run().block(WAIT)).error())
                .hasMessageContaining("saga step 'many' emitted more than one value");
        assertThat(one.run().block(WAIT).results().get("one", Integer.class)).isEqualTo(1);
    }

    @Test
    void readingAStepThatHasNotRunFailsTheReadingStep() {
        Saga saga = Saga.create().loggingTo(log)
                .step("first", done -> Mono.just(done.get("second", String.class)))
                .step("second", done -> does("second", "b"));

        SagaOutcome.Compensated outcome = (SagaOutcome.Compensated) saga.run().block(WAIT);

        assertThat(outcome.failedStep()).isEqualTo("first");
        assertThat(outcome.error()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Saga step 'second' has not completed");
        assertThat(journal).isEmpty();
    }

    @Test
    void cancellingWhileAStepRunsLetsItFinishThenCompensatesItAndTheStepsBefore() {
        Sinks.One<String> second = Sinks.one();
        Saga saga = Saga.create().loggingTo(log)
                .step("first", done -> does("first", "a"), a -> undoes("first"))
                .step("second", done -> second.asMono().doOnSubscribe(s -> journal.add("do second")),
                        b -> undoes("second"))
                .step("third", done -> does("third", "c"), c -> undoes("third"));

        Disposable subscription = saga.run().subscribe();
        subscription.dispose();

        assertThat(journal).containsExactly("do first", "do second");
        second.tryEmitValue("b");
        assertThat(journal).containsExactly("do first", "do second", "undo second", "undo first");
        assertThat(log.getErrContent()).contains("WARN")
                .contains("Saga 'saga' was cancelled while step 'second' ran; once it ended, compensating second, first")
                .contains("Saga 'saga', cancelled, is compensated: second, first");
    }

    @Test
    void cancellingWhileAStepRunsThatThenFailsCompensatesTheStepsBefore() {
        Sinks.One<String> second = Sinks.one();
        Saga saga = Saga.create().loggingTo(log)
                .step("first", done -> does("first", "a"), a -> undoes("first"))
                .step("second", done -> second.asMono(), b -> undoes("second"));

        saga.run().subscribe().dispose();
        second.tryEmitError(new IllegalStateException("second broke"));

        assertThat(journal).containsExactly("do first", "undo first");
    }

    @Test
    void theOutcomeIsColdAndEachSubscriptionRunsTheSagaAgain() {
        Saga saga = Saga.create().loggingTo(log).step("first", done -> does("first", "a"), a -> undoes("first"));
        Mono<SagaOutcome> outcome = saga.run();

        assertThat(journal).isEmpty();
        outcome.block(WAIT);
        outcome.block(WAIT);

        assertThat(journal).containsExactly("do first", "do first");
    }

    @Test
    void stepsRunWithTheSubscribersContext() {
        Saga saga = Saga.create().loggingTo(log)
                .step("tenant", done -> Mono.deferContextual(context -> Mono.just(context.<String>get("tenant"))));

        SagaOutcome outcome = saga.run().contextWrite(context -> context.put("tenant", "acme")).block(WAIT);

        assertThat(outcome.results().get("tenant", String.class)).isEqualTo("acme");
    }

    @Test
    void aSagaIsImmutableSoOneDeclarationServesManyRuns() {
        Saga base = Saga.create().step("first", done -> does("first", "a"));

        Saga longer = base.step("second", done -> does("second", "b")).named("longer");

        assertThat(base.stepNames()).containsExactly("first");
        assertThat(base.name()).isEqualTo("saga");
        assertThat(longer.stepNames()).containsExactly("first", "second");
        assertThat(longer.name()).isEqualTo("longer");
    }

    @Test
    void aSagaWithoutStepsCommitsAtOnce() {
        assertThat(Saga.create().run().block(WAIT)).isEqualTo(new SagaOutcome.Committed(SagaResults.none(List.of())));
    }

    @Test
    void stepNamesMustBeUniqueAndNotBlank() {
        Saga saga = Saga.create().step("first", done -> Mono.just(1));

        assertThatThrownBy(() -> saga.step("first", done -> Mono.just(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("The saga already has a step named 'first'");
        assertThatThrownBy(() -> saga.step(" ", done -> Mono.just(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A saga step's name is blank");
        assertThatThrownBy(() -> saga.step(null, done -> Mono.just(2))).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("A saga step needs a name");
        assertThatThrownBy(() -> Saga.create().named("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Saga.create().retryCompensations(-1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not -1");
    }

    @Test
    void cancellingDuringTheLastStepUndoesEveryStepOnceItEnds() {
        Sinks.One<String> last = Sinks.one();
        Saga saga = Saga.create().loggingTo(log)
                .step("first", done -> does("first", "a"), a -> undoes("first"))
                .step("last", done -> last.asMono(), b -> undoes("last"));

        saga.run().subscribe().dispose();
        last.tryEmitValue("b");

        assertThat(journal).containsExactly("do first", "undo last", "undo first");
        assertThat(log.getErrContent()).contains("Saga 'saga' was cancelled while step 'last' ran");
    }
}
