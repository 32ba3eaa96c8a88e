package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.singleError;
import static dev.refract.codegen.validate.Validation.valid;
import static dev.refract.codegen.validate.Validation.validate;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.GeneratorDefinition;
import dev.refract.codegen.source.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratorRulesTest {

    /** One line: generator blocks in these tests start on line 2. */
    private static final String DATASOURCE = "datasource db { provider = \"postgresql\" url = env(\"DATABASE_URL\") }\n";
    private static final String MODEL = """
            model A {
              id Int @id
            }
            """;

    @Test
    void ignoresGeneratorsOfOtherProvidersWithAWarning() {
        ValidationResult result = valid(validate(DATASOURCE + """
                generator js {
                  provider = "prisma-client-js"
                }
                """ + MODEL));
        assertThat(result.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.message()).isEqualTo("Generator \"js\" with provider \"prisma-client-js\" is ignored; "
                    + "Refract generates only for \"refract-java\".");
            assertThat(warning.line()).isEqualTo(3);
            assertThat(warning.column()).isEqualTo(14);
        });
        assertThat(result.definition().generator()).isNull();
    }

    @Test
    void leavesGeneratorNullWithoutError() {
        ValidationResult result = valid(validate(DATASOURCE + MODEL));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.definition().generator()).isNull();
    }

    @Test
    void resolvesPackageClientNameAndOutput() {
        ValidationResult result = valid(validate(DATASOURCE + """
                generator client {
                  provider   = "refract-java"
                  package    = "com.example.db"
                  clientName = "Db"
                  output     = "target/generated-sources/refract"
                }
                """ + MODEL));
        assertThat(result.definition().generator()).isEqualTo(new GeneratorDefinition("client", "refract-java",
                "com.example.db", "Db", "target/generated-sources/refract"));
    }

    @Test
    void rejectsInvalidJavaPackage() {
        Diagnostic error = singleError(validate(DATASOURCE + """
                generator client {
                  provider = "refract-java"
                  package  = "com.example.2db"
                }
                """ + MODEL), "\"com.example.2db\" is not a valid Java package name (generator \"client\").", 4, 14);
        assertThat(error.hint()).contains("e.g. \"com.example.db\"");
        singleError(validate(DATASOURCE + """
                generator client {
                  provider = "refract-java"
                  package  = "com.example.class"
                }
                """ + MODEL), "\"com.example.class\" is not a valid Java package name (generator \"client\").", 4, 14);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com..db", ".com.db", "com.db.", "com.my-app", "com.example.new", "com.example._"})
    void rejectsPackagesWithEmptyPartsDashesOrKeywords(String packageName) {
        singleError(validate(DATASOURCE + generator("package  = \"" + packageName + "\"") + MODEL),
                "\"" + packageName + "\" is not a valid Java package name (generator \"client\").", 4, 14);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example.db", "db", "com.example_1.$db", "com.example.record"})
    void acceptsDottedPackagesOfIdentifiers(String packageName) {
        valid(validate(DATASOURCE + generator("package  = \"" + packageName + "\"") + MODEL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"record", "class", "Db.Client"})
    void rejectsClientNamesJavaCannotGiveAClass(String clientName) {
        singleError(validate(DATASOURCE + generator("package  = \"com.example.db\"\n  clientName = \"" + clientName + "\"")
                + MODEL), "\"" + clientName + "\" is not a valid Java class name (generator \"client\").", 5, 16);
    }

    private static String generator(String properties) {
        return "generator client {\n  provider = \"refract-java\"\n  " + properties + "\n}\n";
    }

    @Test
    void rejectsJavaGeneratorWithoutPackage() {
        singleError(validate(DATASOURCE + """
                generator client {
                  provider = "refract-java"
                }
                """ + MODEL), "Generator \"client\" has no package.", 2, 11);
    }

    @Test
    void rejectsInvalidClientName() {
        singleError(validate(DATASOURCE + """
                generator client {
                  provider   = "refract-java"
                  package    = "com.example.db"
                  clientName = "my-client"
                }
                """ + MODEL), "\"my-client\" is not a valid Java class name (generator \"client\").", 5, 16);
    }

    @Test
    void rejectsUnknownGeneratorProperty() {
        Diagnostic error = singleError(validate(DATASOURCE + """
                generator client {
                  provider = "refract-java"
                  package  = "com.example.db"
                  packge   = "com.example.other"
                }
                """ + MODEL), "Unknown property \"packge\" in generator \"client\".", 5, 3);
        assertThat(error.hint()).isEqualTo("Did you mean \"package\"?");
    }

    @Test
    void rejectsSecondJavaGenerator() {
        Diagnostic error = singleError(validate(DATASOURCE + """
                generator client {
                  provider = "refract-java"
                  package  = "com.example.db"
                }
                generator again {
                  provider = "refract-java"
                  package  = "com.example.other"
                }
                """ + MODEL), "Generator \"again\" is a second \"refract-java\" generator.", 6, 11);
        assertThat(error.hint()).isEqualTo("Keep one; the first is \"client\" on line 2.");
    }

    @Test
    void rejectsGeneratorWithoutProvider() {
        singleError(validate(DATASOURCE + """
                generator client {
                  package = "com.example.db"
                }
                """ + MODEL), "Generator \"client\" has no provider.", 2, 11);
    }
}
