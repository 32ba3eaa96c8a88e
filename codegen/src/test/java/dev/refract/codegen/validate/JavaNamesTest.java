package dev.refract.codegen.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.generate.Naming;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaNamesTest {

    @Test
    void acceptsDottedPackagesOfIdentifiers() {
        assertThat(JavaNames.isPackageName("com.example.db")).isTrue();
        assertThat(JavaNames.isPackageName("db")).isTrue();
        assertThat(JavaNames.isPackageName("com.example_1.$db")).isTrue();
    }

    @Test
    void rejectsPackagesWithEmptyPartsDigitsFirstOrKeywords() {
        assertThat(JavaNames.isPackageName("")).isFalse();
        assertThat(JavaNames.isPackageName("com..db")).isFalse();
        assertThat(JavaNames.isPackageName(".com.db")).isFalse();
        assertThat(JavaNames.isPackageName("com.db.")).isFalse();
        assertThat(JavaNames.isPackageName("com.2db")).isFalse();
        assertThat(JavaNames.isPackageName("com.example.new")).isFalse();
        assertThat(JavaNames.isPackageName("com.my-app")).isFalse();
    }

    @Test
    void treatsContextualKeywordsAsReservedForTypesOnly() {
        assertThat(JavaNames.isReserved("record")).isFalse();
        assertThat(JavaNames.isReservedTypeName("record")).isTrue();
        assertThat(JavaNames.isReserved("default")).isTrue();
        assertThat(JavaNames.isReserved("null")).isTrue();
    }

    @Test
    void namesJavaTypesMembersAndConstantsAsTheGeneratorDoes() {
        Naming naming = new Naming();
        for (String name : List.of("class", "record", "Default", "var", "yield", "long", "Post", "public", "_x",
                "PipelineRun", "enum", "Package", "permits")) {
            assertThat(JavaNames.typeName(name)).as(name).isEqualTo(naming.typeName(name));
            assertThat(JavaNames.constantName(name)).as(name).isEqualTo(naming.enumConstantName(name));
            if (JavaNames.isReservedTypeName(JavaNames.lowerFirst(name))) {
                assertThat(JavaNames.memberName(name)).as(name).isEqualTo(naming.fieldName(name));
            }
        }
    }
}
