package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.singleError;
import static dev.refract.codegen.validate.Validation.valid;
import static dev.refract.codegen.validate.Validation.withDatasources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.definition.KeyDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.source.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRulesTest {

    @Test
    void rejectsModelWithoutUniqueIdentifier() {
        Diagnostic error = singleError(withDatasources("""
                model Log {
                  message String
                }
                """), "Model \"Log\" has no unique identifier.", 5, 7);
        assertThat(error.hint()).startsWith("Add an id field such as \"id String @id @default(cuid())\"");
    }

    @Test
    void acceptsRequiredUniqueFieldAsIdentifier() {
        ModelDefinition user = valid(withDatasources("""
                model User {
                  email String @unique
                }
                """)).definition().model("User").orElseThrow();
        assertThat(user.id()).isNull();
        assertThat(user.uniques()).containsExactly(new KeyDefinition(null, List.of("email")));
    }

    @Test
    void doesNotCountOptionalUniqueFieldAsIdentifier() {
        singleError(withDatasources("""
                model User {
                  email String? @unique
                }
                """), "Model \"User\" has no unique identifier.", 5, 7);
    }

    @Test
    void rejectsOptionalId() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id Int? @id
                }
                """), "The @id field \"id\" of model \"User\" cannot be optional.", 6, 6);
        assertThat(error.hint()).isEqualTo("Remove the \"?\": an id always has a value.");
    }

    @Test
    void rejectsListId() {
        singleError(withDatasources("""
                model User {
                  ids Int[] @id
                }
                """), "The @id field \"ids\" of model \"User\" cannot be a list.", 6, 7);
    }

    @Test
    void rejectsTwoIdFields() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id    Int    @id
                  email String @id
                }
                """), "Model \"User\" has more than one @id field (\"id\" and \"email\").", 7, 16);
        assertThat(error.hint()).isEqualTo("Keep one @id, or declare a compound key with @@id([id, email]).");
    }

    @Test
    void rejectsIdFieldTogetherWithCompoundId() {
        singleError(withDatasources("""
                model User {
                  id    Int    @id
                  email String
                  @@id([id, email])
                }
                """), "Model \"User\" has both @id (on field \"id\") and @@id.", 8, 3);
    }

    @Test
    void rejectsCompoundIdNamingUnknownField() {
        Diagnostic error = singleError(withDatasources("""
                model Person {
                  firstName String
                  lastName  String
                  @@id([firstName, lastNme])
                }
                """), "Unknown field \"lastNme\" in @@id of model \"Person\".", 8, 20);
        assertThat(error.hint()).isEqualTo("Did you mean \"lastName\"?");
    }

    @Test
    void rejectsIndexNamingUnknownField() {
        singleError(withDatasources("""
                model Person {
                  id   Int    @id
                  name String
                  @@index([nam])
                }
                """), "Unknown field \"nam\" in @@index of model \"Person\".", 8, 12);
    }

    @Test
    void rejectsUniqueNamingARelationField() {
        Diagnostic error = singleError(withDatasources("""
                model Post {
                  id       Int  @id
                  author   User @relation(fields: [authorId], references: [id])
                  authorId Int
                  slug     String
                  @@unique([author, slug])
                }
                model User {
                  id    Int    @id
                  posts Post[]
                }
                """), "@@unique of model \"Post\" names the relation field \"author\".", 10, 13);
        assertThat(error.hint()).isEqualTo("Name the scalar fields that hold the foreign key instead: authorId.");
    }

    @Test
    void resolvesCompoundIdWithItsName() {
        ModelDefinition person = valid(withDatasources("""
                model Person {
                  firstName String
                  lastName  String
                  email     String
                  @@id([firstName, lastName], name: "fullName")
                  @@unique([email], map: "person_email")
                }
                """)).definition().model("Person").orElseThrow();
        assertThat(person.id()).isEqualTo(new KeyDefinition("fullName", List.of("firstName", "lastName")));
        assertThat(person.id().isCompound()).isTrue();
        assertThat(person.uniques()).containsExactly(new KeyDefinition("person_email", List.of("email")));
        assertThat(person.field("firstName").orElseThrow().id()).isFalse();
    }

    @Test
    void acceptsSortAndLengthOnKeyFields() {
        ModelDefinition post = valid(withDatasources("""
                model Post {
                  id    Int      @id(sort: Desc)
                  title String   @unique(length: 100)
                  at    DateTime
                  @@index([at(sort: Desc), title], type: BTree)
                }
                """)).definition().model("Post").orElseThrow();
        assertThat(post.indexes()).containsExactly(new KeyDefinition(null, List.of("at", "title")));
    }

    @Test
    void rejectsUnknownOptionOnKeyField() {
        Diagnostic error = singleError(withDatasources("""
                model Post {
                  id Int      @id
                  at DateTime
                  @@index([at(order: Desc)])
                }
                """), "Invalid option \"order\" on field \"at\" in @@index.", 8, 15);
        assertThat(error.hint()).isEqualTo("Use sort: Asc, sort: Desc or length: <a positive number>, e.g. at(sort: Desc).");
    }

    @Test
    void rejectsCompoundIdOverOptionalField() {
        singleError(withDatasources("""
                model Person {
                  firstName String
                  lastName  String?
                  @@id([firstName, lastName])
                }
                """), "@@id of model \"Person\" names the optional field \"lastName\".", 8, 20);
    }

    @Test
    void rejectsFieldNamedTwiceInAKey() {
        singleError(withDatasources("""
                model Person {
                  id   Int    @id
                  name String
                  @@unique([name, name])
                }
                """), "Field \"name\" is named twice in @@unique of model \"Person\".", 8, 19);
    }

    @Test
    void rejectsKeyOverNoField() {
        singleError(withDatasources("""
                model Person {
                  id   Int    @id
                  @@index([])
                }
                """), "@@index of model \"Person\" names no field.", 7, 3);
    }

    @Test
    void rejectsIdOnRelationField() {
        singleError(withDatasources("""
                model User {
                  id    Int    @id
                  posts Post[]
                }
                model Post {
                  author   User @id @relation(fields: [authorId], references: [id])
                  authorId Int
                }
                """), "The relation field \"author\" of model \"Post\" cannot be marked @id.", 10, 17);
    }
}
