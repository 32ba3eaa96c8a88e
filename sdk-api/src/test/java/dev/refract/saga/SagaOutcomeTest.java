package dev.refract.saga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.ErrorCode;
import dev.refract.error.SagaFailedException;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SagaOutcomeTest {

    private final SagaResults done = SagaResults.none(List.of("run", "item", "audit")).with("run", "r1")
            .with("item", "i1");
    private final IllegalStateException auditBroke = new IllegalStateException("audit broke");

    @Test
    void aCommittedOutcomeGivesItsResults() {
        SagaOutcome outcome = new SagaOutcome.Committed(done);

        assertThat(outcome.orThrow()).isSameAs(done);
        StepVerifier.create(outcome.committedOrError()).expectNext(done).verifyComplete();
    }

    @Test
    void aCompensatedOutcomeBecomesASagaFailedExceptionCausedByTheStepsError() {
        SagaOutcome outcome = new SagaOutcome.Compensated("audit", auditBroke, List.of("item", "run"), done);

        assertThatThrownBy(outcome::orThrow).isInstanceOfSatisfying(SagaFailedException.class, error -> {
            assertThat(error.code()).isEqualTo(ErrorCode.SAGA_FAILED);
            assertThat(error.getMessage()).isEqualTo("[R2044] The saga failed at step 'audit'"
                    + " (java.lang.IllegalStateException: audit broke); compensated in reverse order: item, run");
            assertThat(error.getCause()).isSameAs(auditBroke);
            assertThat(error.failedStep()).isEqualTo("audit");
            assertThat(error.compensated()).containsExactly("item", "run");
            assertThat(error.fullyCompensated()).isTrue();
            assertThat(error.notCompensated()).isEmpty();
        });
        StepVerifier.create(outcome.committedOrError()).expectError(SagaFailedException.class).verify();
    }

    @Test
    void aFailedCompensationBecomesASagaFailedExceptionNamingTheStepsLeftInEffect() {
        IllegalStateException undoBroke = new IllegalStateException("cannot delete item");
        SagaOutcome outcome = new SagaOutcome.CompensationFailed("audit", auditBroke, "item", undoBroke, List.of(),
                List.of("run"), done);

        assertThatThrownBy(outcome::orThrow).isInstanceOfSatisfying(SagaFailedException.class, error -> {
            assertThat(error.getMessage()).contains("then the compensation of step 'item' failed"
                    + " (java.lang.IllegalStateException: cannot delete item), so steps item, run remain in effect");
            assertThat(error.getSuppressed()).containsExactly(undoBroke);
            assertThat(error.compensationFailedStep()).contains("item");
            assertThat(error.compensationError()).contains(undoBroke);
            assertThat(error.left()).containsExactly("run");
            assertThat(error.notCompensated()).containsExactly("item", "run");
            assertThat(error.fullyCompensated()).isFalse();
        });
    }
}
