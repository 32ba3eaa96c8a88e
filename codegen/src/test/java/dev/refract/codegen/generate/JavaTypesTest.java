package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.ScalarType;
import org.junit.jupiter.api.Test;

class JavaTypesTest {

    @Test
    void mapsEveryScalarTypeToOneJavaType() {
        assertThat(JavaTypes.scalar(ScalarType.STRING)).hasToString("java.lang.String");
        assertThat(JavaTypes.scalar(ScalarType.BOOLEAN)).hasToString("java.lang.Boolean");
        assertThat(JavaTypes.scalar(ScalarType.INT)).hasToString("java.lang.Integer");
        assertThat(JavaTypes.scalar(ScalarType.BIGINT)).hasToString("java.lang.Long");
        assertThat(JavaTypes.scalar(ScalarType.FLOAT)).hasToString("java.lang.Double");
        assertThat(JavaTypes.scalar(ScalarType.DECIMAL)).hasToString("java.math.BigDecimal");
        assertThat(JavaTypes.scalar(ScalarType.DATETIME)).hasToString("java.time.Instant");
        assertThat(JavaTypes.scalar(ScalarType.JSON)).hasToString("dev.refract.json.Json");
        assertThat(JavaTypes.scalar(ScalarType.BYTES)).hasToString("byte[]");
    }

    @Test
    void knowsWhichTypesAreNumericAndOrdered() {
        assertThat(JavaTypes.isNumeric(ScalarType.DECIMAL)).isTrue();
        assertThat(JavaTypes.isNumeric(ScalarType.DATETIME)).isFalse();
        assertThat(JavaTypes.isOrdered(ScalarType.DATETIME)).isTrue();
        assertThat(JavaTypes.isOrdered(ScalarType.JSON)).isFalse();
        assertThat(JavaTypes.isOrdered(ScalarType.BOOLEAN)).isFalse();
    }
}
