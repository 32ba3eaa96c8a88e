package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.singleError;
import static dev.refract.codegen.validate.Validation.withDatasources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.source.Diagnostic;
import org.junit.jupiter.api.Test;

class AttributeRulesTest {

    @Test
    void rejectsUnknownAttributeSuggestingTheClosest() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id    Int    @id
                  email String @uniq
                }
                """), "Unknown attribute @uniq on field \"email\" of model \"User\".", 7, 16);
        assertThat(error.hint()).isEqualTo("Did you mean \"@unique\"?");
    }

    @Test
    void rejectsUnknownBlockAttributeSuggestingTheClosest() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id    Int    @id
                  email String
                  @@indx([email])
                }
                """), "Unknown attribute @@indx on model \"User\".", 8, 3);
        assertThat(error.hint()).isEqualTo("Did you mean \"@@index\"?");
    }

    @Test
    void rejectsAttributeOutsideWhereItBelongs() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id      String  @id @map("_id")
                  address Address
                  @@datasource(docs)
                }
                type Address {
                  street String @id
                }
                """), "Attribute @id cannot be used on field \"street\" of type \"Address\".", 11, 17);
        assertThat(error.hint()).isEqualTo("@id belongs on a model field; remove it here.");
    }

    @Test
    void rejectsModelAttributeOnEnum() {
        singleError(withDatasources("""
                enum Role {
                  USER
                  @@ttl(60)
                }
                """), "Attribute @@ttl cannot be used on enum \"Role\".", 7, 3);
    }

    @Test
    void rejectsAttributeGivenTwice() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id    Int    @id
                  email String @unique @unique
                }
                """), "Attribute @unique is given twice on field \"email\" of model \"User\".", 7, 24);
        assertThat(error.hint()).isEqualTo("Remove one of them.");
    }

    @Test
    void rejectsMissingRequiredArgument() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id Int @id
                  @@cache(cache)
                }
                """), "Attribute @@cache is missing its argument \"ttl\".", 7, 3);
        assertThat(error.hint()).isEqualTo("For example: @@cache(cache, ttl: 60).");
    }

    @Test
    void rejectsArgumentOfTheWrongShape() {
        Diagnostic error = singleError(withDatasources("""
                model Session {
                  id String @id
                  @@datasource(cache)
                  @@ttl("1h")
                }
                """), "Argument \"seconds\" of @@ttl must be a whole number, not a string.", 8, 9);
        assertThat(error.hint()).isEqualTo("For example: @@ttl(3600).");
    }

    @Test
    void rejectsUnknownArgumentNameSuggestingTheClosest() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id   Int    @id
                  name String
                  @@index([name], nmae: "by_name")
                }
                """), "Attribute @@index has no argument named \"nmae\".", 8, 19);
        assertThat(error.hint()).isEqualTo("Did you mean \"name\"?");
    }

    @Test
    void rejectsArgumentGivenTwice() {
        singleError(withDatasources("""
                model User {
                  id   Int    @id
                  name String @map("a", name: "b")
                }
                """), "Argument \"name\" of @map is given twice.", 7, 25);
    }

    @Test
    void rejectsArgumentsOnAttributeThatTakesNone() {
        singleError(withDatasources("""
                model User {
                  id      Int      @id
                  changed DateTime @updatedAt(now)
                }
                """), "Attribute @updatedAt takes no arguments.", 7, 31);
    }

    @Test
    void rejectsTwoNativeTypesOnOneField() {
        singleError(withDatasources("""
                model User {
                  id   Int    @id
                  name String @db.Text @db.VarChar(10)
                }
                """), "The field \"name\" of model \"User\" has more than one native type.", 7, 24);
    }
}
