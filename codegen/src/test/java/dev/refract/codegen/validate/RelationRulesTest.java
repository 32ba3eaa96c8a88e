package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.singleError;
import static dev.refract.codegen.validate.Validation.withDatasources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.source.Diagnostic;
import org.junit.jupiter.api.Test;

class RelationRulesTest {

    private static final String USER = """
            model User {
              id    Int    @id
              email String
              posts Post[]
            }
            """;

    @Test
    void rejectsRelationWithoutOppositeFieldNamingTheFieldToAdd() {
        Diagnostic error = singleError(withDatasources("""
                model PipelineRun {
                  id String @id
                }
                model PipelineStep {
                  id    String      @id
                  run   PipelineRun @relation(fields: [runId], references: [id])
                  runId String
                }
                """), "The relation field \"run\" of model \"PipelineStep\" has no opposite relation field on model "
                        + "\"PipelineRun\".", 10, 3);
        assertThat(error.hint()).isEqualTo("Add \"steps PipelineStep[]\" to model PipelineRun.");
    }

    @Test
    void suggestsTheForeignKeySideWhenTheListSideIsAlone() {
        Diagnostic error = singleError(withDatasources("""
                model PipelineRun {
                  id    String         @id
                  steps PipelineStep[]
                }
                model PipelineStep {
                  id String @id
                }
                """), "The relation field \"steps\" of model \"PipelineRun\" has no opposite relation field on model "
                        + "\"PipelineStep\".", 7, 3);
        assertThat(error.hint()).isEqualTo("Add \"run PipelineRun @relation(fields: [runId], references: [id])\" and "
                + "\"runId String\" to model PipelineStep.");
    }

    @Test
    void rejectsReferencesThatAreNotUniqueInTheTarget() {
        Diagnostic error = singleError(withDatasources(USER + """
                model Post {
                  id          Int    @id
                  author      User   @relation(fields: [authorEmail], references: [email])
                  authorEmail String
                }
                """), "The references [email] of the relation field \"author\" of model \"Post\" are not the id or "
                        + "a unique key of model \"User\".", 12, 67);
        assertThat(error.hint()).isEqualTo("Reference the id of \"User\" ([id]), or make [email] unique in \"User\" "
                + "with @unique.");
    }

    @Test
    void rejectsFieldsAndReferencesOfDifferentLength() {
        singleError(withDatasources(USER + """
                model Post {
                  id       Int  @id
                  author   User @relation(fields: [authorId, slug], references: [id])
                  authorId Int
                  slug     String
                }
                """), "The relation field \"author\" of model \"Post\" lists 2 fields but 1 reference.", 12, 65);
    }

    @Test
    void rejectsUnknownFieldInFieldsSuggestingTheClosest() {
        Diagnostic error = singleError(withDatasources(USER + """
                model Post {
                  id       Int  @id
                  author   User @relation(fields: [autorId], references: [id])
                  authorId Int
                }
                """), "Unknown field \"autorId\" in the fields of the relation field \"author\" of model \"Post\".",
                12, 36);
        assertThat(error.hint()).isEqualTo("Did you mean \"authorId\"?");
    }

    @Test
    void rejectsUnknownFieldInReferences() {
        Diagnostic error = singleError(withDatasources(USER + """
                model Post {
                  id       Int  @id
                  author   User @relation(fields: [authorId], references: [ID])
                  authorId Int
                }
                """), "Unknown field \"ID\" of model \"User\" in the references of the relation field \"author\" of "
                        + "model \"Post\".", 12, 60);
        assertThat(error.hint()).isEqualTo("Did you mean \"id\"?");
    }

    @Test
    void rejectsForeignKeyOfAnotherTypeThanTheReference() {
        Diagnostic error = singleError(withDatasources(USER + """
                model Post {
                  id       Int    @id
                  author   User   @relation(fields: [authorId], references: [id])
                  authorId String
                }
                """), "Field \"authorId\" of model \"Post\" is String, but the field \"id\" of model \"User\" it "
                        + "references is Int.", 12, 38);
        assertThat(error.hint()).isEqualTo("Change the type of \"authorId\" to Int.");
    }

    @Test
    void rejectsOneToOneWithFieldsOnBothSides() {
        singleError(withDatasources("""
                model User {
                  id        Int      @id
                  profileId Int?     @unique
                  profile   Profile? @relation(fields: [profileId], references: [id])
                }
                model Profile {
                  id     Int   @id
                  userId Int   @unique
                  user   User  @relation(fields: [userId], references: [id])
                }
                """), "Both sides of the one-to-one relation \"ProfileToUser\" declare fields and references.",
                13, 26);
    }

    @Test
    void rejectsOneToOneWithFieldsOnNeitherSide() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id      Int      @id
                  profile Profile?
                }
                model Profile {
                  id   Int   @id
                  user User?
                }
                """), "Neither side of the one-to-one relation \"ProfileToUser\" declares fields and references "
                        + "(field \"profile\" of model \"User\", field \"user\" of model \"Profile\").", 7, 3);
        assertThat(error.hint())
                .isEqualTo("Add @relation(fields: [...], references: [...]) to the side that stores the foreign key.");
    }

    @Test
    void rejectsOneToOneWhoseForeignKeyIsNotUnique() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id      Int      @id
                  profile Profile?
                }
                model Profile {
                  id     Int  @id
                  userId Int
                  user   User @relation(fields: [userId], references: [id])
                }
                """), "The foreign key [userId] of the one-to-one relation \"ProfileToUser\" is not unique in model "
                        + "\"Profile\".", 12, 25);
        assertThat(error.hint()).isEqualTo("Add @unique to field \"userId\".");
    }

    @Test
    void rejectsFieldsOnTheListSideOfOneToMany() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id    Int    @id
                  posts Post[] @relation(fields: [id], references: [authorId])
                }
                model Post {
                  id       Int  @id
                  author   User @relation(fields: [authorId], references: [id])
                  authorId Int
                }
                """), "The relation field \"posts\" of model \"User\" is the list side of a one-to-many relation and "
                        + "cannot hold fields or references.", 7, 26);
        assertThat(error.hint()).isEqualTo("Move fields and references to the field \"author\" of model \"Post\".");
    }

    @Test
    void rejectsOneToManyWithoutForeignKey() {
        singleError(withDatasources(USER + """
                model Post {
                  id     Int  @id
                  author User
                }
                """), "The relation field \"author\" of model \"Post\" must declare its foreign key with fields and "
                        + "references.", 12, 3);
    }

    @Test
    void rejectsAmbiguousRelationsBetweenTheSameModels() {
        Diagnostic error = singleError(withDatasources(USER + """
                model Post {
                  id       Int  @id
                  author   User @relation(fields: [authorId], references: [id])
                  authorId Int
                  editor   User @relation(fields: [editorId], references: [id])
                  editorId Int
                }
                """), "Ambiguous relation: fields \"author\" and \"editor\" of model \"Post\" both refer to model "
                        + "\"User\" as relation \"PostToUser\".", 14, 3);
        assertThat(error.hint()).startsWith("Give each relation its own name with @relation(\"...\")");
    }

    @Test
    void rejectsRequiredRelationOverOptionalForeignKey() {
        singleError(withDatasources(USER + """
                model Post {
                  id       Int  @id
                  author   User @relation(fields: [authorId], references: [id])
                  authorId Int?
                }
                """), "The relation field \"author\" of model \"Post\" is required, but its foreign key field "
                        + "\"authorId\" is optional.", 12, 12);
    }

    @Test
    void rejectsRelationToIgnoredModel() {
        Diagnostic error = singleError(withDatasources("""
                model Legacy {
                  id Int @id
                  @@ignore
                }
                model User {
                  id     Int    @id
                  legacy Legacy
                }
                """), "Field \"legacy\" of model \"User\" refers to the ignored model \"Legacy\".", 11, 10);
        assertThat(error.hint()).isEqualTo("Mark the field @ignore too, or remove @@ignore from \"Legacy\".");
    }

    @Test
    void rejectsManyToManyHoldingFields() {
        singleError(withDatasources("""
                model Post {
                  id   Int   @id
                  tags Tag[] @relation(fields: [id], references: [id])
                }
                model Tag {
                  id    Int    @id
                  posts Post[]
                }
                """), "The relation field \"tags\" of model \"Post\" is one side of a many-to-many relation and "
                        + "cannot hold fields or references.", 7, 24);
    }

    @Test
    void rejectsManyToManyAcrossDatasources() {
        singleError(withDatasources("""
                model Post {
                  id   Int   @id
                  tags Tag[]
                }
                model Tag {
                  id    String @id @map("_id")
                  posts Post[]
                  @@datasource(docs)
                }
                """), "The many-to-many relation \"PostToTag\" joins models of different datasources (\"db\" and "
                        + "\"docs\"); no join table can span them.", 7, 3);
    }

    @Test
    void rejectsRequiredSideWithoutForeignKeyInOneToOne() {
        Diagnostic error = singleError(withDatasources("""
                model User {
                  id      Int     @id
                  profile Profile
                }
                model Profile {
                  id     Int  @id
                  userId Int  @unique
                  user   User @relation(fields: [userId], references: [id])
                }
                """), "The relation field \"profile\" of model \"User\" must be optional: the other side holds the "
                        + "foreign key of this one-to-one relation \"ProfileToUser\".", 7, 11);
        assertThat(error.hint()).isEqualTo("Write \"Profile?\".");
    }

    @Test
    void pointsAtTheOppositeFieldWhenOnlyTheRelationNamesDiffer() {
        ValidationResult result = withDatasources("""
                model User {
                  id    Int    @id
                  posts Post[]
                }
                model Post {
                  id       Int  @id
                  author   User @relation("Author", fields: [authorId], references: [id])
                  authorId Int
                }
                """);
        assertThat(result.errors()).extracting(d -> d.line() + ":" + d.column() + " " + d.hint()).containsExactly(
                "7:3 Field \"author\" of model Post refers back under the relation name \"Author\"; give both "
                        + "fields the same name with @relation(\"...\").",
                "11:3 Field \"posts\" of model User refers back under the relation name \"PostToUser\"; give both "
                        + "fields the same name with @relation(\"...\").");
    }

    @Test
    void rejectsFieldsWithoutReferences() {
        singleError(withDatasources(USER + """
                model Post {
                  id       Int  @id
                  author   User @relation(fields: [authorId])
                  authorId Int
                }
                """), "@relation of the relation field \"author\" of model \"Post\" has fields but no references.",
                12, 17);
    }

    @Test
    void rejectsRelationFieldAsForeignKey() {
        singleError(withDatasources(USER + """
                model Post {
                  id       Int  @id
                  author   User @relation(fields: [author], references: [id])
                }
                """), "\"author\" in the fields of the relation field \"author\" of model \"Post\" is a relation field, "
                        + "not a scalar field.", 12, 36);
    }

    @Test
    void rejectsManyToManyWithoutSingleFieldIds() {
        singleError(withDatasources("""
                model Post {
                  slug String
                  lang String
                  tags Tag[]
                  @@id([slug, lang])
                }
                model Tag {
                  id    Int    @id
                  posts Post[]
                }
                """), "The many-to-many relation \"PostToTag\" needs a single-field @id on model \"Post\".", 8, 3);
    }
}
