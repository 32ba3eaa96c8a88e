package dev.refract.codegen.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.BlankLine;
import dev.refract.codegen.ast.CommentLine;
import dev.refract.codegen.ast.ConfigBlock;
import dev.refract.codegen.ast.EnumBlock;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.Schema;
import dev.refract.codegen.ast.TypeRef;
import dev.refract.codegen.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The example schema of the repository parses cleanly into the tree it describes. */
class SeedSchemaParseTest {

    static final Path SEED = Path.of("..", "examples", "ai-pipeline", "schema.prisma");

    private static ParseResult result;
    private static Schema schema;

    @BeforeAll
    static void parseSeed() throws IOException {
        result = SchemaParser.parse(new SourceFile("schema.prisma", Files.readString(SEED)));
        schema = result.schema();
    }

    @Test
    void parsesWithoutDiagnostics() {
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.hasErrors()).isFalse();
    }

    @Test
    void keepsTheBlocksInSourceOrder() {
        assertThat(schema.blocks()).extracting(block -> block.name().name())
                .containsExactly("db", "docs", "cache", "client", "Status", "PipelineRun", "PipelineStep",
                        "ContentItem", "Session");
        assertThat(schema.datasources()).hasSize(3);
        assertThat(schema.generators()).hasSize(1);
        assertThat(schema.models()).hasSize(4);
        assertThat(schema.enums()).hasSize(1);
    }

    @Test
    void keepsTheLeadingCommentLinesAndOneBlankLineBetweenBlocks() {
        assertThat(schema.items().get(0)).isInstanceOfSatisfying(CommentLine.class, c -> assertThat(c.text())
                .isEqualTo("The AI content pipeline: runs and their steps in PostgreSQL, generated content in MongoDB,"));
        assertThat(schema.items().get(1)).isInstanceOfSatisfying(CommentLine.class, c -> assertThat(c.text())
                .isEqualTo("user sessions in Redis, and a read-through cache of runs in Redis."));
        assertThat(schema.items().get(2)).isInstanceOf(BlankLine.class);
        assertThat(schema.items().get(3)).isInstanceOf(ConfigBlock.class);
        assertThat(schema.items().get(4)).isInstanceOf(BlankLine.class);
    }

    @Test
    void readsDatasourceProperties() {
        ConfigBlock db = schema.datasources().get(0);
        assertThat(db.kind()).isEqualTo(ConfigBlock.Kind.DATASOURCE);
        assertThat(db.property("provider").orElseThrow().value()).isInstanceOfSatisfying(
                Expression.StringLiteral.class, s -> assertThat(s.value()).isEqualTo("postgresql"));
        Expression url = db.property("url").orElseThrow().value();
        assertThat(url).isInstanceOfSatisfying(Expression.FunctionCall.class, call -> {
            assertThat(call.name()).isEqualTo("env");
            assertThat(call.arguments()).singleElement().extracting(Argument::value)
                    .isEqualTo(new Expression.StringLiteral("DATABASE_URL", call.arguments().get(0).value().span()));
        });
        assertThat(db.property("poolSize").orElseThrow().value())
                .isInstanceOfSatisfying(Expression.NumberLiteral.class, n -> assertThat(n.text()).isEqualTo("20"));
        ConfigBlock client = schema.generators().get(0);
        assertThat(client.property("package").orElseThrow().value())
                .isInstanceOfSatisfying(Expression.StringLiteral.class,
                        s -> assertThat(s.value()).isEqualTo("com.example.pipeline.db"));
    }

    @Test
    void readsEnumValuesAndBlockDocs() {
        EnumBlock status = schema.enums().get(0);
        assertThat(status.doc()).isEqualTo("Where a pipeline run or one of its steps stands.");
        assertThat(status.values()).extracting(v -> v.name().name())
                .containsExactly("PENDING", "RUNNING", "COMPLETED", "FAILED");
    }

    @Test
    void readsFieldsWithTypesArityAndAttributes() {
        ModelBlock run = model("PipelineRun");
        assertThat(run.kind()).isEqualTo(ModelBlock.Kind.MODEL);
        assertThat(run.doc()).isEqualTo("One execution of a named content pipeline.");
        assertThat(run.fields()).extracting(f -> f.name().name())
                .containsExactly("id", "name", "status", "startedAt", "updatedAt", "cost", "metadata", "steps",
                        "contentItems");

        Field id = run.field("id").orElseThrow();
        assertThat(id.type().name().name()).isEqualTo("String");
        assertThat(id.type().arity()).isEqualTo(TypeRef.Arity.REQUIRED);
        assertThat(id.attributes()).extracting(Attribute::name).containsExactly("id", "default");
        assertThat(id.attribute("id").orElseThrow().hasParentheses()).isFalse();
        Attribute cuid = id.attribute("default").orElseThrow();
        assertThat(cuid.hasParentheses()).isTrue();
        assertThat(cuid.arguments()).singleElement().extracting(Argument::value)
                .isInstanceOfSatisfying(Expression.FunctionCall.class, call -> {
                    assertThat(call.name()).isEqualTo("cuid");
                    assertThat(call.arguments()).isEmpty();
                });

        assertThat(run.field("metadata").orElseThrow().type().arity()).isEqualTo(TypeRef.Arity.OPTIONAL);
        assertThat(run.field("steps").orElseThrow().type().arity()).isEqualTo(TypeRef.Arity.LIST);
        assertThat(run.field("status").orElseThrow().attribute("default").orElseThrow().arguments().get(0).value())
                .isInstanceOfSatisfying(Expression.ConstantRef.class, c -> assertThat(c.name()).isEqualTo("PENDING"));
    }

    @Test
    void attachesDocCommentsToFields() {
        ModelBlock run = model("PipelineRun");
        assertThat(run.field("name").orElseThrow().doc()).isEqualTo("The pipeline's name, e.g. \"video-production\".");
        assertThat(run.field("cost").orElseThrow().doc()).isEqualTo("What the run cost, in US dollars.");
        assertThat(run.field("id").orElseThrow().doc()).isEmpty();
    }

    @Test
    void readsTheCacheAttributeWithItsNamedTtlArgument() {
        Attribute cache = model("PipelineRun").attributes("cache").get(0);
        assertThat(cache.blockLevel()).isTrue();
        assertThat(cache.displayName()).isEqualTo("@@cache");
        assertThat(cache.positionalOr("store").orElseThrow().value())
                .isInstanceOfSatisfying(Expression.ConstantRef.class, c -> assertThat(c.name()).isEqualTo("cache"));
        Argument ttl = cache.argument("ttl").orElseThrow();
        assertThat(ttl.value()).isInstanceOfSatisfying(Expression.NumberLiteral.class,
                n -> assertThat(n.text()).isEqualTo("60"));
        assertThat(schema.file().text().substring(ttl.span().start(), ttl.span().end())).isEqualTo("ttl: 60");
    }

    @Test
    void readsRelationArgumentsAndArrays() {
        Attribute relation = model("PipelineStep").field("run").orElseThrow().attribute("relation").orElseThrow();
        assertThat(relation.arguments()).extracting(a -> a.name().name())
                .containsExactly("fields", "references", "onDelete");
        assertThat(relation.argument("fields").orElseThrow().value())
                .isInstanceOfSatisfying(Expression.ArrayLiteral.class, array -> assertThat(array.elements())
                        .singleElement().isInstanceOfSatisfying(Expression.ConstantRef.class,
                                c -> assertThat(c.name()).isEqualTo("runId")));
        assertThat(model("PipelineStep").attributes("map").get(0).arguments().get(0).value())
                .isInstanceOfSatisfying(Expression.StringLiteral.class,
                        s -> assertThat(s.value()).isEqualTo("pipeline_steps"));
        assertThat(model("PipelineStep").field("id").orElseThrow().attribute("default").orElseThrow()
                .arguments().get(0).value()).isInstanceOfSatisfying(Expression.FunctionCall.class,
                        call -> assertThat(call.arguments().get(0).value())
                                .isInstanceOf(Expression.NumberLiteral.class));
    }

    @Test
    void keepsDottedNativeTypeAttributesWhole() {
        Field id = model("ContentItem").field("id").orElseThrow();
        assertThat(id.attributes()).extracting(Attribute::name).containsExactly("id", "default", "map", "db.ObjectId");
        assertThat(model("ContentItem").attributes("datasource").get(0).arguments().get(0).value())
                .isInstanceOfSatisfying(Expression.ConstantRef.class, c -> assertThat(c.name()).isEqualTo("docs"));
        assertThat(model("Session").attributes("ttl").get(0).arguments().get(0).value())
                .isInstanceOfSatisfying(Expression.NumberLiteral.class, n -> assertThat(n.text()).isEqualTo("3600"));
    }

    @Test
    void spansPointAtTheSourceText() {
        ModelBlock session = model("Session");
        String text = schema.file().text();
        assertThat(text.substring(session.span().start(), session.span().end())).startsWith("model Session {")
                .endsWith("@@ttl(3600)\n}");
        Field userId = session.field("userId").orElseThrow();
        assertThat(text.substring(userId.span().start(), userId.span().end())).isEqualTo("userId       String");
        assertThat(session.members()).filteredOn(BlankLine.class::isInstance).hasSize(1);
    }

    private static ModelBlock model(String name) {
        return schema.models().stream().filter(m -> m.name().name().equals(name)).findFirst().orElseThrow();
    }
}
