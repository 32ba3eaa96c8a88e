package dev.refract.codegen.validate;

import static dev.refract.codegen.generate.SeedSchemaFixture.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.DatasourceDefinition;
import dev.refract.codegen.definition.EnumDefinition;
import dev.refract.codegen.definition.GeneratorDefinition;
import dev.refract.codegen.definition.KeyDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.definition.PoolDefinition;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.definition.UrlDefinition;
import dev.refract.codegen.generate.InMemoryCompiler;
import dev.refract.codegen.generate.JavaGenerator;
import dev.refract.codegen.naming.Naming;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The java.lang names {@link Naming#hidesJavaLangType} rejects are exactly those that break the
 * generated client: each rejected name, given to a model or an enum, makes the client fail to
 * compile, and the accepted names next to them compile.
 */
class JavaLangClashTest {

    private static final Naming NAMING = new Naming();

    /** A model {@code Item} whose fields use the boxed java.lang types, next to a model or enum of {@code name}. */
    private static SchemaDefinition schemaWith(String name, boolean asModel) {
        List<ModelDefinition> models = new ArrayList<>();
        models.add(new ModelDefinition("Item", "Item", "", "db", 0, List.of(
                        field("id").scalar(ScalarType.INT).id().build(),
                        field("price").scalar(ScalarType.FLOAT).build(),
                        field("views").scalar(ScalarType.BIGINT).build(),
                        field("rank").scalar(ScalarType.INT).optional().build(),
                        field("open").scalar(ScalarType.BOOLEAN).optional().build(),
                        field("label").optional().build(),
                        field("kind").enumOf(asModel ? "Kind" : name).optional().build()),
                new KeyDefinition(null, List.of("id")), List.of(), List.of(), null, null));
        if (asModel) {
            models.add(new ModelDefinition(name, name, "", "db", 0,
                    List.of(field("id").scalar(ScalarType.INT).id().build()),
                    new KeyDefinition(null, List.of("id")), List.of(), List.of(), null, null));
        }
        EnumDefinition enumDefinition = new EnumDefinition(asModel ? "Kind" : name, "kind", "",
                List.of(new EnumDefinition.Value("A", "A", "")));
        return new SchemaDefinition(List.of(new DatasourceDefinition("db", 0, Provider.POSTGRESQL,
                        UrlDefinition.fromEnvironment("DATABASE_URL"), PoolDefinition.DEFAULTS, "")),
                new GeneratorDefinition("client", "refract-java", "com.example.clash", "Db", null), models,
                List.of(enumDefinition), List.of());
    }

    private static boolean compiles(SchemaDefinition schema) {
        return InMemoryCompiler.compile(InMemoryCompiler.sources(new JavaGenerator().generate(schema))).success();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Double", "IllegalArgumentException", "Integer", "Iterable", "Long", "Override", "String"})
    void rejectedModelNamesBreakTheClient(String name) {
        assertThat(NAMING.hidesJavaLangType(name, true)).isTrue();
        assertThat(compiles(schemaWith(name, true))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AutoCloseable", "Void"})
    void namesRejectedForEnumsOnlyBreakTheClientOfAnEnumButNotOfAModel(String name) {
        assertThat(NAMING.hidesJavaLangType(name, false)).isTrue();
        assertThat(compiles(schemaWith(name, false))).isFalse();
        assertThat(NAMING.hidesJavaLangType(name, true)).isFalse();
        assertThat(compiles(schemaWith(name, true))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Object", "Class", "Record", "Enum", "Number", "Thread", "Exception", "Comparable"})
    void acceptedJavaLangNamesCompile(String name) {
        assertThat(NAMING.hidesJavaLangType(name, true)).isFalse();
        assertThat(NAMING.hidesJavaLangType(name, false)).isFalse();
        assertThat(compiles(schemaWith(name, true))).isTrue();
        assertThat(compiles(schemaWith(name, false))).isTrue();
    }
}
