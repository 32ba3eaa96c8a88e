package dev.refract.benchmarks.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import dev.refract.codegen.validate.ValidationResult;
import dev.refract.meta.ScalarType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LargeSchemaWriterTest {

    private static String rendered(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
    }

    private static SchemaDefinition validated(String text) {
        ParseResult parsed = SchemaParser.parse(new SourceFile("large.prisma", text));
        assertThat(parsed.diagnostics()).as(() -> rendered(parsed.diagnostics())).isEmpty();
        ValidationResult validated = SchemaValidator.validate(parsed.schema());
        assertThat(validated.hasErrors()).as(() -> rendered(validated.diagnostics())).isFalse();
        return validated.definition();
    }

    @Test
    void benchmarkSchemaParsesAndValidatesWithoutErrors() {
        SchemaDefinition definition = validated(LargeSchemaWriter.standard().write());

        assertThat(definition.models()).hasSize(LargeSchemaWriter.DEFAULT_MODEL_COUNT);
        assertThat(definition.enums()).hasSize(LargeSchemaWriter.DEFAULT_MODEL_COUNT / 10);
    }

    @Test
    void benchmarkSchemaUsesEveryScalarTypeAndRelatesNeighbours() {
        SchemaDefinition definition = validated(LargeSchemaWriter.standard().write());

        Set<ScalarType> used = EnumSet.noneOf(ScalarType.class);
        for (ModelDefinition model : definition.models()) {
            model.fields().forEach(field -> {
                if (field.type() instanceof FieldType.Scalar scalar) {
                    used.add(scalar.type());
                }
            });
        }
        assertThat(used).containsExactlyInAnyOrder(ScalarType.values());
        assertThat(definition.models().stream().filter(m -> !m.relationFields().isEmpty()).count())
                .isEqualTo(definition.models().size());
    }

    @Test
    void modelsDeclareSixToFifteenOwnFields() {
        String text = LargeSchemaWriter.standard().write();

        // own fields: every field line except back-relation lists, which belong to the other side
        for (String block : text.split("\nmodel ")) {
            if (!block.contains("@id")) {
                continue;
            }
            String body = block.substring(block.indexOf('{') + 1, block.indexOf("\n}"));
            long own = body.lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("//") && !line.startsWith("@@"))
                    .filter(line -> !line.split("\\s+")[1].endsWith("[]"))
                    .count();
            assertThat(own).as(block.lines().findFirst().orElse("")).isBetween(6L, 15L);
        }
    }

    @Test
    void sameSizeAndSeedGiveTheSameText() {
        assertThat(new LargeSchemaWriter(50, 7).write()).isEqualTo(new LargeSchemaWriter(50, 7).write());
        assertThat(new LargeSchemaWriter(50, 7).write()).isNotEqualTo(new LargeSchemaWriter(50, 8).write());
    }

    @Test
    void schemasLargerThanTheNameVocabularyStayValid() {
        SchemaDefinition definition = validated(new LargeSchemaWriter(450, 3).write());

        assertThat(definition.models()).hasSize(450);
    }

    @Test
    void rejectsAnEmptySchema() {
        assertThatThrownBy(() -> new LargeSchemaWriter(0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("modelCount");
    }
}
