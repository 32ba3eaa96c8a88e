package dev.refract.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.Provider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorFamilyTest {

    @Test
    void everyErrorCarriesItsStableCodeInMessageAndAccessor() {
        RefractException error = new UniqueConstraintViolationException("User", List.of("email"), "duplicate email", null);

        assertThat(error.code()).isEqualTo(ErrorCode.UNIQUE_CONSTRAINT_VIOLATION);
        assertThat(error.getMessage()).startsWith("[R2002] ");
        assertThat(error.model()).isEqualTo("User");
        assertThat(error.fields()).containsExactly("email");
    }

    @Test
    void missingRequiredFieldNamesModelFieldAndFix() {
        MissingRequiredFieldException error = new MissingRequiredFieldException("PipelineStep", "runId");

        assertThat(error.getMessage()).contains("'runId'").contains("PipelineStep").contains(".runId(...)");
        assertThat(error.fields()).containsExactly("runId");
    }

    @Test
    void missingAdapterNamesTheArtifactOfEachFamily() {
        assertThat(AdapterUnavailableException.missing("db", Provider.MYSQL, null).getMessage())
                .contains("'db'").contains("mysql").contains("dev.refract:refract-sdk-r2dbc");
        assertThat(AdapterUnavailableException.artifactFor(Provider.MONGODB)).isEqualTo("refract-sdk-mongo");
        assertThat(AdapterUnavailableException.artifactFor(Provider.REDIS)).isEqualTo("refract-sdk-redis");
    }

    @Test
    void retrySafeSaysWhichFailuresMayBeMadeAgain() {
        ConnectionFailedException inFlight = new ConnectionFailedException("db", "connection reset", null);
        assertThat(inFlight.retrySafe()).as("a lost connection under a write: outcome unknown").isFalse();
        ConnectionFailedException safe = inFlight.asRetrySafe();
        assertThat(safe.retrySafe()).isTrue();
        assertThat(safe.getMessage()).isEqualTo(inFlight.getMessage());
        assertThat(safe.datasource()).isEqualTo("db");
        assertThat(safe.asRetrySafe()).isSameAs(safe);

        assertThat(new ConnectionAcquireTimeoutException("db", Duration.ofSeconds(1), 10, null).retrySafe()).isTrue();
        assertThat(new TransactionConflictException(null, "deadlock", null).retrySafe()).isTrue();
        assertThat(new UniqueConstraintViolationException("User", List.of("email"), "duplicate", null).retrySafe())
                .as("the same write fails the same way again").isFalse();
    }

    @Test
    void aStatementTimeoutNamesItsDatasourceTimeoutAndFix() {
        StatementTimeoutException read = new StatementTimeoutException("db", "User", Duration.ofMillis(2500), true,
                null);

        assertThat(read.code()).isEqualTo(ErrorCode.STATEMENT_TIMEOUT);
        assertThat(read.getMessage()).startsWith("[R1008] ").contains("'db'").contains("2500 ms").contains("(User)")
                .contains("statementTimeout").doesNotContain("may still be applied");
        assertThat(read.retrySafe()).isTrue();
        assertThat(read.timeout()).isEqualTo(Duration.ofMillis(2500));

        StatementTimeoutException write = new StatementTimeoutException("db", null, Duration.ofSeconds(1), false, null);
        assertThat(write.retrySafe()).isFalse();
        assertThat(write.getMessage()).contains("the write may still be applied by the server");
    }
}
