package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.singleError;
import static dev.refract.codegen.validate.Validation.singleWarning;
import static dev.refract.codegen.validate.Validation.valid;
import static dev.refract.codegen.validate.Validation.withDatasources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.source.Diagnostic;
import org.junit.jupiter.api.Test;

class NameRulesTest {

    @Test
    void rejectsModelNamedLikeAnEnum() {
        Diagnostic error = singleError(withDatasources("""
                enum Status {
                  ON
                }
                model Status {
                  id Int @id
                }
                """), "Model \"Status\" has the same name as the enum declared on line 5.", 8, 7);
        assertThat(error.hint()).isEqualTo("Rename one of them.");
    }

    @Test
    void rejectsCompositeTypeNamedLikeAModel() {
        singleError(withDatasources("""
                model Address {
                  id Int @id
                }
                type Address {
                  street String
                }
                """), "Type \"Address\" has the same name as the model declared on line 5.", 8, 6);
    }

    @Test
    void rejectsDuplicateFieldInModel() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id   Int    @id
                  name String
                  name String
                }
                """), "Field \"name\" is declared twice in model \"User\".", 8, 3);
        assertThat(error.hint()).isEqualTo("Rename or remove one of them; the first is on line 7.");
    }

    @Test
    void rejectsDuplicateEnumValue() {
        singleError(withDatasources("""
                enum Role {
                  USER
                  ADMIN
                  USER
                }
                """), "Value \"USER\" is declared twice in enum \"Role\".", 8, 3);
    }

    @Test
    void rejectsTwoFieldsMappedToTheSameColumn() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id       Int    @id
                  email    String
                  mail     String @map("email")
                }
                """), "Field \"mail\" of model \"User\" is stored under the name \"email\", which field \"email\" "
                        + "already uses.", 8, 19);
        assertThat(error.hint()).isEqualTo("Give one of them a different @map.");
    }

    @Test
    void rejectsTwoModelsMappedToTheSameTableOfOneDatasource() {
        singleError(withDatasources("""
                model User {
                  id Int @id
                  @@map("users")
                }
                model Account {
                  id Int @id
                  @@map("users")
                }
                """), "Model \"Account\" is stored as \"users\", which model \"User\" already uses in datasource "
                        + "\"db\".", 11, 3);
    }

    @Test
    void acceptsSameTableNameInDifferentDatasources() {
        Validation.valid(withDatasources("""
                model User {
                  id Int @id
                  @@map("users")
                }
                model Account {
                  id String @id @map("_id")
                  @@map("users")
                  @@datasource(docs)
                }
                """));
    }

    @Test
    void warnsOfFieldNamedAfterAJavaKeywordNamingItsJavaName() {
        Diagnostic warning = singleWarning(withDatasources("""
                model Item {
                  id    Int    @id
                  class String
                }
                """), "Field name \"class\" of model \"Item\" is a reserved word in Java; the generated code names it "
                        + "\"class_\".", 7, 3);
        assertThat(warning.hint()).isEqualTo("To choose the Java name, rename the field and keep the database name "
                + "with @map, e.g. classValue String @map(\"class\").");
    }

    @Test
    void warnsOfFieldWhoseJavaNameIsAKeywordOnceLowerCased() {
        singleWarning(withDatasources("""
                model Item {
                  id      Int      @id
                  Default Boolean?
                }
                """), "Field name \"Default\" of model \"Item\" is a reserved word in Java; the generated code names "
                        + "it \"default_\".", 7, 3);
    }

    @Test
    void warnsOfModelNamedAfterAJavaKeyword() {
        Diagnostic warning = singleWarning(withDatasources("""
                model record {
                  id Int @id
                }
                """), "Model name \"record\" is a reserved word in Java; the generated code names it \"Record\".", 5, 7);
        assertThat(warning.hint()).isEqualTo("Rename it and keep the database name with @@map, e.g. @@map(\"record\").");
    }

    @Test
    void warnsOfEnumValueNamedAfterAJavaKeyword() {
        Diagnostic warning = singleWarning(withDatasources("""
                enum Visibility {
                  public
                  hidden
                }
                """), "Value \"public\" of enum \"Visibility\" is a reserved word in Java; the generated code names it "
                        + "\"public_\".", 6, 3);
        assertThat(warning.hint()).isEqualTo("To choose the Java name, rename the value and keep the database name "
                + "with @map, e.g. PUBLIC @map(\"public\").");
    }

    @Test
    void rejectsModelWhoseJavaNameHidesAJavaLangTypeOfTheClient() {
        Diagnostic error = singleError(withDatasources("""
                model long {
                  id Int @id
                }
                """), "Model name \"long\" becomes the Java type \"Long\", which would hide java.lang.Long in the "
                        + "generated client.", 5, 7);
        assertThat(error.hint()).isEqualTo("Rename it and keep the database name with @@map, e.g. @@map(\"long\").");
    }

    @Test
    void rejectsModelNamedOverride() {
        singleError(withDatasources("""
                model Override {
                  id Int @id
                }
                """), "Model name \"Override\" becomes the Java type \"Override\", which would hide java.lang.Override "
                        + "in the generated client.", 5, 7);
    }

    @Test
    void rejectsEnumNamedVoidButAcceptsAModelOfThatName() {
        singleError(withDatasources("""
                enum Void {
                  NOTHING
                }
                """), "Enum name \"Void\" becomes the Java type \"Void\", which would hide java.lang.Void in the "
                        + "generated client.", 5, 6);
        assertThat(valid(withDatasources("""
                model Void {
                  id Int @id
                }
                """)).diagnostics()).isEmpty();
    }

    @Test
    void rejectsCompositeTypeNamedAutoCloseableWithoutSuggestingMap() {
        Diagnostic error = singleError(withDatasources("""
                type AutoCloseable {
                  street String
                }
                """), "Type name \"AutoCloseable\" becomes the Java type \"AutoCloseable\", which would hide "
                        + "java.lang.AutoCloseable in the generated client.", 5, 6);
        assertThat(error.hint()).isEqualTo("Rename it.");
    }

    @Test
    void rejectsModelNamedAfterAScalarType() {
        singleError(withDatasources("""
                model DateTime {
                  id Int @id
                }
                """), "Model \"DateTime\" has the name of a built-in type.", 5, 7);
    }

    @Test
    void rejectsEnumWithoutValues() {
        singleError(withDatasources("""
                enum Empty {
                }
                """), "Enum \"Empty\" has no values.", 5, 6);
    }

    @Test
    void rejectsTwoEnumValuesMappedToTheSameName() {
        singleError(withDatasources("""
                enum Role {
                  USER  @map("user")
                  ADMIN @map("user")
                }
                """), "Value \"ADMIN\" of enum \"Role\" is stored as \"user\", which value \"USER\" already uses.",
                7, 9);
    }
}
