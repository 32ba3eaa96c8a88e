package dev.refract.example.webflux.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.error.ConnectionFailedException;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.QueryFailedException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.StatementTimeoutException;
import dev.refract.error.TransactionTimeoutException;
import dev.refract.error.UniqueConstraintViolationException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** How {@link RefractProblems} turns Refract's typed errors into problem details, without a server. */
class RefractProblemsTest {

    private final RefractProblems problems = new RefractProblems();

    @Test
    void uniqueViolationIsAConflictWithItsCodeModelAndFields() {
        ProblemDetail problem = problems.refractError(new UniqueConstraintViolationException("PipelineStep",
                List.of("runId", "position"), "Unique constraint failed on (runId, position)", null)).getBody();

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).isEqualTo("Unique constraint failed on (runId, position)");
        assertThat(problem.getProperties()).containsEntry("code", "R2002").containsEntry("model", "PipelineStep")
                .containsEntry("fields", List.of("runId", "position"));
    }

    @Test
    void recordNotFoundIsNotFound() {
        assertThat(RefractProblems.statusOf(new RecordNotFoundException("PipelineRun", List.of("id"), "none", null)))
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void foreignKeyViolationIsAConflict() {
        assertThat(RefractProblems.statusOf(new ForeignKeyViolationException("PipelineStep", List.of("runId"),
                "no run", null))).isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void unreachableDatabaseIsUnavailableAndItsMessageIsNotShown() {
        ProblemDetail problem = problems.refractError(new ConnectionFailedException("db",
                "Cannot use the database of datasource 'db': connection refused to db.internal:5432", null)).getBody();

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getDetail()).contains("R1001").doesNotContain("db.internal").doesNotContain("refused");
        assertThat(problem.getProperties()).doesNotContainKey("model");
    }

    @Test
    void statementOrTransactionPastItsTimeoutIsAGatewayTimeout() {
        assertThat(RefractProblems.statusOf(new StatementTimeoutException("db", "PipelineRun", Duration.ofSeconds(2),
                true, null))).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(RefractProblems.statusOf(new TransactionTimeoutException("db", Duration.ofSeconds(5))))
                .isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
    }

    @Test
    void failedQueryIsAServerErrorAndItsMessageIsNotShown() {
        ProblemDetail problem = problems.refractError(new QueryFailedException("PipelineRun", "42P01",
                "relation \"PipelineRun\" does not exist", null)).getBody();

        assertThat(problem.getStatus()).isEqualTo(500);
        assertThat(problem.getDetail()).doesNotContain("relation");
    }
}
