package dev.refract.codegen.validate;

import static org.assertj.core.api.Assertions.assertThat;

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
}
