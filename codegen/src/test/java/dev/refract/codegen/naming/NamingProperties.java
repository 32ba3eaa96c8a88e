package dev.refract.codegen.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

/** Whatever identifier the schema language allows, the naming strategy yields a legal Java name. */
class NamingProperties {

    /** Names Java allows as fields but the generator escapes anyway: contextual keywords and Object's members. */
    private static final Set<String> ESCAPED_ON_PURPOSE = Set.of("var", "record", "yield", "sealed", "permits",
            "clone", "equals", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

    private final Naming naming = new Naming();

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final List<String> KEYWORDS = List.of("class", "default", "int", "record", "var", "yield", "and",
            "count", "build", "hashCode", "toString", "enum", "new", "true", "null", "_");

    /** A name the schema language allows: a letter, then letters, digits and underscores; or a Java keyword. */
    private static String schemaName(SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            return Draw.oneOf(random, KEYWORDS);
        }
        return Draw.string(random, LETTERS, 1, 1) + Draw.string(random, LETTERS + "0123456789_", 0, 12);
    }

    @Test
    void memberNamesAreLegalJavaNames() {
        RandomCases.forAll(1000, NamingProperties::schemaName, name -> {
            assertThat(SourceVersion.isName(naming.fieldName(name))).as(naming.fieldName(name)).isTrue();
            assertThat(SourceVersion.isName(naming.builderMethodName(name))).isTrue();
            assertThat(SourceVersion.isName(naming.accessorName(name))).isTrue();
        });
    }

    @Test
    void typeAndConstantNamesAreLegalJavaNames() {
        RandomCases.forAll(1000, NamingProperties::schemaName, name -> {
            assertThat(SourceVersion.isName(naming.typeName(name))).as(naming.typeName(name)).isTrue();
            assertThat(SourceVersion.isName(naming.constantName(name))).as(naming.constantName(name)).isTrue();
            assertThat(SourceVersion.isName(naming.enumConstantName(name))).isTrue();
        });
    }

    @Test
    void ordinaryNamesAreKeptAsWritten() {
        RandomCases.forAll(1000, NamingProperties::schemaName, name -> {
            String member = Character.toLowerCase(name.charAt(0)) + name.substring(1);
            if (SourceVersion.isName(member) && !ESCAPED_ON_PURPOSE.contains(member)) {
                assertThat(naming.fieldName(name)).isEqualTo(member);
            }
        });
    }
}
