package dev.refract.codegen.generate;

import static dev.refract.codegen.generate.SeedSchemaFixture.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.CompositeTypeDefinition;
import dev.refract.codegen.definition.DatasourceDefinition;
import dev.refract.codegen.definition.EnumDefinition;

import dev.refract.codegen.definition.GeneratorDefinition;
import dev.refract.codegen.definition.KeyDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.definition.PoolDefinition;
import dev.refract.codegen.definition.RelationDefinition;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.definition.UrlDefinition;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Schemas that stress naming and typing (Java keywords and builder method names as field names,
 * composite types, mapped enum values, every scalar type, lists, optional to-one relations, no
 * relations at all) still generate code that compiles without a warning.
 */
class UnusualSchemaCompilesTest {

    static SchemaDefinition unusual() {
        EnumDefinition role = new EnumDefinition("Role", "user_role", "", List.of(
                new EnumDefinition.Value("ADMIN", "admin", "Can do anything."),
                new EnumDefinition.Value("default", "plain", "")));
        CompositeTypeDefinition address = new CompositeTypeDefinition("Address", "A postal address.", List.of(
                field("street").build(),
                field("zip").optional().build(),
                field("kind").enumOf("Role").build()));
        ModelDefinition account = new ModelDefinition("URLAccount", "accounts", "Accounts, keyed by e-mail.", "docs", 1,
                List.of(
                        field("id").scalar(ScalarType.INT).id().defaultTo(new DefaultValue.Autoincrement()).build(),
                        field("email").unique().build(),
                        field("class").optional().build(),
                        field("count").scalar(ScalarType.BIGINT).build(),
                        field("and").scalar(ScalarType.BOOLEAN).defaultTo(new DefaultValue.Literal(Boolean.TRUE)).build(),
                        field("hashCode").scalar(ScalarType.DECIMAL).optional().build(),
                        field("avatar").scalar(ScalarType.BYTES).optional().build(),
                        field("scores").scalar(ScalarType.FLOAT).list().build(),
                        field("roles").enumOf("Role").list().build(),
                        field("role").enumOf("Role").optional().build(),
                        field("home").composite("Address").optional().build(),
                        field("previous").composite("Address").list().build(),
                        field("legacy").unsupported("circle").optional().build(),
                        field("profile").model("Profile").optional()
                                .relation(new RelationDefinition("ProfileToURLAccount", "Profile",
                                        RelationDefinition.Kind.ONE_TO_ONE, List.of(), List.of(), null, null, "account",
                                        true))
                                .build()),
                new KeyDefinition(null, List.of("id")), List.of(new KeyDefinition(null, List.of("email"))), List.of(),
                null, null);
        ModelDefinition profile = new ModelDefinition("Profile", "Profile", "", "db", 0, List.of(
                        field("id").id().defaultTo(new DefaultValue.Nanoid(12)).build(),
                        field("accountId").scalar(ScalarType.INT).unique().build(),
                        field("account").model("URLAccount").optional()
                                .relation(new RelationDefinition("ProfileToURLAccount", "URLAccount",
                                        RelationDefinition.Kind.ONE_TO_ONE, List.of("accountId"), List.of("id"), null,
                                        null, "profile", true))
                                .build(),
                        field("bio").dbName("biography").optional().build()),
                new KeyDefinition(null, List.of("id")), List.of(new KeyDefinition("byAccount", List.of("accountId"))),
                List.of(), null, null);
        ModelDefinition tag = new ModelDefinition("Tag", "Tag", "", "db", 0, List.of(
                        field("name").id().build(),
                        field("weight").scalar(ScalarType.INT).defaultTo(new DefaultValue.Literal(List.of(1L))).build()),
                new KeyDefinition(null, List.of("name")), List.of(), List.of(), null, null);
        return new SchemaDefinition(
                List.of(new DatasourceDefinition("db", 0, Provider.MYSQL, UrlDefinition.literal("r2dbc:mysql://u:secret@localhost/app"),
                                new PoolDefinition(5, 1, Duration.ofSeconds(3), Duration.ofMinutes(5)), ""),
                        new DatasourceDefinition("docs", 1, Provider.MONGODB, UrlDefinition.fromEnvironment("MONGO"),
                                PoolDefinition.DEFAULTS, "")),
                new GeneratorDefinition("java", "refract-java", "org.acme.data", "Db", null),
                List.of(account, profile, tag), List.of(role), List.of(address));
    }

    @Test
    void unusualSchemaCompilesWithoutWarnings() {
        List<GeneratedFile> files = new JavaGenerator().generate(unusual());

        InMemoryCompiler.Result result = InMemoryCompiler.compile(InMemoryCompiler.sources(files));

        assertThat(result.success()).as(result.diagnostics()).isTrue();
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void modelsNamedLikeTypesTheGeneratedCodeImportsStillCompile() {
        List<ModelDefinition> models = new java.util.ArrayList<>();
        for (String name : List.of("Json", "List", "Optional", "Consumer", "Mono", "Flux", "Row", "Filter", "Instant",
                "Relation", "Query", "Selection")) {
            models.add(new ModelDefinition(name, name, "", "db", 0, List.of(
                            field("id").id().build(),
                            field("data").scalar(ScalarType.JSON).optional().build(),
                            field("at").scalar(ScalarType.DATETIME).build(),
                            field("tags").list().build()),
                    new KeyDefinition(null, List.of("id")), List.of(), List.of(), null, null));
        }
        SchemaDefinition schema = new SchemaDefinition(unusual().datasources(),
                new GeneratorDefinition("java", "refract-java", "org.acme.clash", "Db", null), models, List.of(), List.of());

        InMemoryCompiler.Result result = InMemoryCompiler.compile(InMemoryCompiler.sources(new JavaGenerator().generate(schema)));

        assertThat(result.success()).as(result.diagnostics()).isTrue();
    }

    @Test
    void unsupportedFieldsAreLeftOutOfTheRecord() {
        String record = new JavaGenerator().generate(unusual()).stream()
                .filter(f -> f.relativePath().endsWith("/URLAccount.java")).findFirst().orElseThrow().content();

        assertThat(record).doesNotContain("legacy").contains("Relation<Profile> profile");
    }

}
