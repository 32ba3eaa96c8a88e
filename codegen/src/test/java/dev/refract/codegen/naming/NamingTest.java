package dev.refract.codegen.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamingTest {

    private final Naming naming = new Naming();

    @Test
    void escapesJavaKeywordsWithTrailingUnderscore() {
        assertThat(naming.fieldName("class")).isEqualTo("class_");
        assertThat(naming.fieldName("default")).isEqualTo("default_");
        assertThat(naming.fieldName("record")).isEqualTo("record_");
        assertThat(naming.enumConstantName("new")).isEqualTo("new_");
        assertThat(naming.typeName("var")).isEqualTo("Var");
    }

    @Test
    void treatsKeywordsLiteralsAndRestrictedIdentifiersAsReserved() {
        assertThat(List.of("default", "null", "true", "_", "record", "var", "yield", "sealed", "permits"))
                .allMatch(naming::isReserved);
        assertThat(List.of("Record", "status", "key", "String")).noneMatch(naming::isReserved);
    }

    @Test
    void knowsWhichJavaLangTypesASchemaNameWouldHide() {
        assertThat(naming.hidesJavaLangType("String", true)).isTrue();
        assertThat(naming.hidesJavaLangType("Long", false)).isTrue();
        assertThat(naming.hidesJavaLangType("Void", false)).isTrue();
        assertThat(naming.hidesJavaLangType("Void", true)).isFalse();
        assertThat(naming.hidesJavaLangType("Object", true)).isFalse();
    }

    @Test
    void escapesMembersEveryRecordHas() {
        assertThat(naming.fieldName("hashCode")).isEqualTo("hashCode_");
        assertThat(naming.fieldName("toString")).isEqualTo("toString_");
        assertThat(naming.fieldName("getClass")).isEqualTo("getClass_");
    }

    @Test
    void keepsBuilderMethodsClearOfTheBuilderBasesOwnMethods() {
        assertThat(naming.builderMethodName("and")).isEqualTo("and_");
        assertThat(naming.builderMethodName("build")).isEqualTo("build_");
        assertThat(naming.builderMethodName("count")).isEqualTo("count_");
        assertThat(naming.builderMethodName("name")).isEqualTo("name");
        assertThat(naming.fieldName("count")).as("records have no such clash").isEqualTo("count");
    }

    @Test
    void keepsBuilderMethodsClearOfTheNestedWriteMethods() {
        assertThat(naming.builderMethodName("buildNested")).isEqualTo("buildNested_");
        assertThat(naming.builderMethodName("relate")).isEqualTo("relate_");
        assertThat(naming.builderMethodName("linked")).isEqualTo("linked_");
    }

    @Test
    void turnsCamelCaseIntoUpperSnakeCaseConstants() {
        assertThat(naming.constantName("startedAt")).isEqualTo("STARTED_AT");
        assertThat(naming.constantName("durationMs")).isEqualTo("DURATION_MS");
        assertThat(naming.constantName("PipelineRun")).isEqualTo("PIPELINE_RUN");
        assertThat(naming.constantName("HTTPStatus")).isEqualTo("HTTP_STATUS");
        assertThat(naming.constantName("id")).isEqualTo("ID");
        assertThat(naming.constantName("sha256Hash")).isEqualTo("SHA256_HASH");
        assertThat(naming.constantName("already_snake")).isEqualTo("ALREADY_SNAKE");
    }

    @Test
    void derivesClientAccessorsFromModelNames() {
        assertThat(naming.accessorName("PipelineRun")).isEqualTo("pipelineRun");
        assertThat(naming.accessorName("URLMapping")).isEqualTo("urlMapping");
        assertThat(naming.accessorName("URL")).isEqualTo("url");
        assertThat(naming.accessorName("Class")).isEqualTo("class_");
        assertThat(naming.accessorName("Builder")).as("the client's own static method").isEqualTo("builder_");
        assertThat(naming.accessorName("Core")).as("the client's own field").isEqualTo("core_");
        assertThat(naming.accessorName("Saga")).as("the client's own saga()").isEqualTo("saga_");
    }

    @Test
    void namesCompoundKeysAfterTheirFieldsOrTheirGivenName() {
        assertThat(naming.compoundKeyName(null, List.of("runId", "position"))).isEqualTo("runIdPosition");
        assertThat(naming.compoundKeyName("runPosition", List.of("runId", "position"))).isEqualTo("runPosition");
    }
}
