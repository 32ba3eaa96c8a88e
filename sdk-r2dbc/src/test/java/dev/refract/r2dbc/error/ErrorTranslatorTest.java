package dev.refract.r2dbc.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.error.ConnectionFailedException;
import dev.refract.error.InvalidQueryException;
import dev.refract.error.QueryFailedException;
import dev.refract.error.RefractException;
import dev.refract.error.TransactionConflictException;
import dev.refract.meta.SchemaMeta;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorTranslatorTest {

    private final ErrorTranslator translator = new ErrorTranslator(new SchemaMeta(List.of(), List.of()), "db");

    @Test
    void readsTheKeyColumnsOfAConstraintDetail() {
        assertThat(ErrorTranslator.keyColumns("Key (email)=(a@b.c) already exists.")).containsExactly("email");
        assertThat(ErrorTranslator.keyColumns("Key (tenant_id, \"E-Mail\")=(1, x) already exists."))
                .containsExactly("tenant_id", "E-Mail");
        assertThat(ErrorTranslator.keyColumns("Key (\"a, \"\"b\"\"\")=(1) is not present in table \"t\"."))
                .containsExactly("a, \"b\"");
        assertThat(ErrorTranslator.keyColumns("Failing row contains (1, null).")).isEmpty();
    }

    @Test
    void serializationFailuresAndDeadlocksAreRetryableConflicts() {
        for (String state : List.of("40001", "40P01")) {
            RefractException error = translator.translate(new R2dbcTransientResourceException("conflict", state), null);
            assertThat(error).isInstanceOf(TransactionConflictException.class);
            assertThat(((TransactionConflictException) error).retryable()).isTrue();
        }
    }

    @Test
    void lostOrRefusedConnectionsAreConnectionFailures() {
        assertThat(translator.translate(new R2dbcNonTransientResourceException("gone", "08006"), null))
                .isInstanceOf(ConnectionFailedException.class).hasMessageContaining("datasource 'db'");
        assertThat(translator.translate(new R2dbcNonTransientResourceException("auth", "28P01"), null))
                .isInstanceOf(ConnectionFailedException.class);
        assertThat(translator.translate(new IllegalStateException("pool", new ConnectException("refused")), null))
                .isInstanceOf(ConnectionFailedException.class);
    }

    @Test
    void otherDatabaseErrorsKeepTheirSqlStateWithPasswordsRedacted() {
        RefractException error = translator.translate(new R2dbcBadGrammarException(
                "bad: r2dbc:postgresql://app:hunter2@db/x", "42601"), null);
        assertThat(error).isInstanceOf(QueryFailedException.class).hasMessageContaining("42601")
                .hasMessageNotContaining("hunter2");
        assertThat(((QueryFailedException) error).sqlState()).isEqualTo("42601");
    }

    @Test
    void leavesRefractErrorsAsTheyAre() {
        InvalidQueryException invalid = new InvalidQueryException("Owner", List.of(), "bad query");
        assertThat(translator.translate(invalid, null)).isSameAs(invalid);
    }

    @Test
    void findsTheDatabaseErrorInsideAWrapperOfReactors() {
        RuntimeException wrapped = new RuntimeException("Async resource cleanup failed after onComplete",
                new R2dbcTransientResourceException("could not serialize access", "40001"));
        assertThat(translator.translate(wrapped, null)).isInstanceOf(TransactionConflictException.class);
    }
}
