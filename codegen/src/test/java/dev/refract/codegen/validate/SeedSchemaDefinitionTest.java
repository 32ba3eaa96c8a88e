package dev.refract.codegen.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.SeedSchemaFile;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.definition.KeyDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.definition.NativeType;
import dev.refract.codegen.definition.RelationDefinition;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.definition.UrlDefinition;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.Provider;
import dev.refract.meta.ReferentialAction;
import dev.refract.meta.ScalarType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedSchemaDefinitionTest {

    private final SchemaDefinition seed = seed();

    private static SchemaDefinition seed() {
        try {
            String text = SeedSchemaFile.text();
            ValidationResult result = Validation.valid(Validation.validate(text));
            assertThat(result.diagnostics()).isEmpty();
            return result.definition();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ModelDefinition model(String name) {
        return seed.model(name).orElseThrow();
    }

    private FieldDefinition field(String model, String field) {
        return model(model).field(field).orElseThrow();
    }

    @Test
    void datasourcesKeepDeclarationOrderAsIndexWithProviderUrlAndPool() {
        assertThat(seed.datasources()).extracting(d -> d.name() + ":" + d.index() + ":" + d.provider())
                .containsExactly("db:0:POSTGRESQL", "docs:1:MONGODB", "cache:2:REDIS");
        assertThat(seed.datasource("db").orElseThrow().url()).isEqualTo(UrlDefinition.fromEnvironment("DATABASE_URL"));
        assertThat(seed.datasource("db").orElseThrow().pool().size()).isEqualTo(20);
        assertThat(seed.datasource("docs").orElseThrow().pool().size()).isNull();
    }

    @Test
    void modelsLiveInTheirDatasourceOrTheFirstDeclared() {
        assertThat(seed.models()).extracting(m -> m.name() + "@" + m.datasource() + "#" + m.datasourceIndex())
                .containsExactly("PipelineRun@db#0", "PipelineStep@db#0", "ContentItem@docs#1", "Session@cache#2");
    }

    @Test
    void generatorGivesPackageAndTheDefaultClientName() {
        assertThat(seed.generator().packageName()).isEqualTo("com.example.pipeline.db");
        assertThat(seed.generator().clientName()).isEqualTo("RefractClient");
        assertThat(seed.generator().output()).isNull();
    }

    @Test
    void oneToManyRelationResolvesOnBothSidesWithThePrismaDefaultName() {
        RelationDefinition steps = field("PipelineRun", "steps").relation();
        RelationDefinition run = field("PipelineStep", "run").relation();
        assertThat(steps.name()).isEqualTo("PipelineRunToPipelineStep");
        assertThat(run.name()).isEqualTo("PipelineRunToPipelineStep");
        assertThat(steps.kind()).isEqualTo(RelationDefinition.Kind.ONE_TO_MANY);
        assertThat(run.kind()).isEqualTo(RelationDefinition.Kind.MANY_TO_ONE);
        assertThat(steps.holdsForeignKey()).isFalse();
        assertThat(run.fields()).containsExactly("runId");
        assertThat(run.references()).containsExactly("id");
        assertThat(run.onDelete()).isEqualTo(ReferentialAction.CASCADE);
        assertThat(run.onUpdate()).isNull();
        assertThat(steps.oppositeField()).isEqualTo("run");
        assertThat(run.oppositeField()).isEqualTo("steps");
        assertThat(run.crossDatasource()).isFalse();
        assertThat(run.targetModel()).isEqualTo("PipelineRun");
    }

    @Test
    void defaultsBecomeDefaultValues() {
        assertThat(field("PipelineRun", "id").defaultValue()).isEqualTo(new DefaultValue.Cuid(1));
        assertThat(field("PipelineRun", "status").defaultValue()).isEqualTo(new DefaultValue.Literal("PENDING"));
        assertThat(field("PipelineRun", "startedAt").defaultValue()).isEqualTo(new DefaultValue.Now());
        assertThat(field("PipelineRun", "cost").defaultValue()).isEqualTo(new DefaultValue.Literal(new BigDecimal("0")));
        assertThat(field("PipelineStep", "id").defaultValue()).isEqualTo(new DefaultValue.Uuid(7));
        assertThat(field("PipelineStep", "attempts").defaultValue()).isEqualTo(new DefaultValue.Literal(0L));
        assertThat(field("ContentItem", "id").defaultValue()).isEqualTo(new DefaultValue.Auto());
        assertThat(field("Session", "id").defaultValue()).isEqualTo(new DefaultValue.Uuid(4));
        assertThat(field("PipelineRun", "updatedAt").updatedAt()).isTrue();
        assertThat(field("PipelineRun", "updatedAt").isRequiredOnCreate()).isFalse();
    }

    @Test
    void cacheAndTtlResolve() {
        assertThat(model("PipelineRun").cache().datasource()).isEqualTo("cache");
        assertThat(model("PipelineRun").cache().datasourceIndex()).isEqualTo(2);
        assertThat(model("PipelineRun").cache().ttlSeconds()).isEqualTo(60);
        assertThat(model("PipelineRun").ttlSeconds()).isNull();
        assertThat(model("Session").ttlSeconds()).isEqualTo(3600L);
        assertThat(model("Session").cache()).isNull();
    }

    @Test
    void mappedNamesKeysAndNativeTypesResolve() {
        assertThat(model("PipelineStep").dbName()).isEqualTo("pipeline_steps");
        assertThat(model("PipelineRun").dbName()).isEqualTo("PipelineRun");
        assertThat(field("ContentItem", "id").dbName()).isEqualTo("_id");
        assertThat(field("ContentItem", "id").nativeType()).isEqualTo(new NativeType("ObjectId", List.of()));
        assertThat(field("ContentItem", "tags").type()).isEqualTo(new FieldType.Scalar(ScalarType.STRING));
        assertThat(field("ContentItem", "tags").isList()).isTrue();
        assertThat(model("PipelineStep").id()).isEqualTo(new KeyDefinition(null, List.of("id")));
        assertThat(model("PipelineStep").uniques()).containsExactly(
                new KeyDefinition(null, List.of("runId", "position")));
        assertThat(model("PipelineRun").indexes()).containsExactly(
                new KeyDefinition(null, List.of("status", "startedAt")));
    }

    @Test
    void enumsAndDocumentationCarryOver() {
        assertThat(seed.enumNamed("Status").orElseThrow().values()).extracting(v -> v.name())
                .containsExactly("PENDING", "RUNNING", "COMPLETED", "FAILED");
        assertThat(model("PipelineRun").doc()).isEqualTo("One execution of a named content pipeline.");
        assertThat(field("PipelineRun", "status").type()).isEqualTo(new FieldType.EnumRef("Status"));
        assertThat(seed.datasource("cache").orElseThrow().provider()).isEqualTo(Provider.REDIS);
    }
}
