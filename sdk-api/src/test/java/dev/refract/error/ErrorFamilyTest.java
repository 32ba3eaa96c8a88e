package dev.refract.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.Provider;
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
}
