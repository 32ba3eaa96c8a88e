package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import javax.lang.model.SourceVersion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever identifier the schema language allows, the naming strategy yields a legal Java name. */
class NamingProperties {

    /** Names Java allows as fields but the generator escapes anyway: contextual keywords and Object's members. */
    private static final Set<String> ESCAPED_ON_PURPOSE = Set.of("var", "record", "yield", "sealed", "permits",
            "clone", "equals", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

    private final Naming naming = new Naming();

    @Provide
    Arbitrary<String> schemaNames() {
        Arbitrary<String> words = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').withChars('_').ofMinLength(0).ofMaxLength(12);
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('A', 'Z');
        Arbitrary<String> keywords = Arbitraries.of("class", "default", "int", "record", "var", "yield", "and", "count",
                "build", "hashCode", "toString", "enum", "new", "true", "null", "_");
        return Arbitraries.oneOf(keywords, first.flatMap(c -> words.map(rest -> c + rest)));
    }

    @Property
    void memberNamesAreLegalJavaNames(@ForAll("schemaNames") String name) {
        assertThat(SourceVersion.isName(naming.fieldName(name))).as(naming.fieldName(name)).isTrue();
        assertThat(SourceVersion.isName(naming.builderMethodName(name))).isTrue();
        assertThat(SourceVersion.isName(naming.accessorName(name))).isTrue();
    }

    @Property
    void typeAndConstantNamesAreLegalJavaNames(@ForAll("schemaNames") String name) {
        assertThat(SourceVersion.isName(naming.typeName(name))).as(naming.typeName(name)).isTrue();
        assertThat(SourceVersion.isName(naming.constantName(name))).as(naming.constantName(name)).isTrue();
        assertThat(SourceVersion.isName(naming.enumConstantName(name))).isTrue();
    }

    @Property
    void ordinaryNamesAreKeptAsWritten(@ForAll("schemaNames") String name) {
        String member = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        if (SourceVersion.isName(member) && !ESCAPED_ON_PURPOSE.contains(member)) {
            assertThat(naming.fieldName(name)).isEqualTo(member);
        }
    }
}
