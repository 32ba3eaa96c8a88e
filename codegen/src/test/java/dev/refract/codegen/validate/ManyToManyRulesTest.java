package dev.refract.codegen.validate;

import static dev.refract.codegen.validate.Validation.ID_LIST;
import static dev.refract.codegen.validate.Validation.MONGO_TAG;
import static dev.refract.codegen.validate.Validation.TAGS;
import static dev.refract.codegen.validate.Validation.mongoPostAndTag;
import static dev.refract.codegen.validate.Validation.singleError;
import static dev.refract.codegen.validate.Validation.valid;
import static dev.refract.codegen.validate.Validation.withDatasources;
import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.codegen.source.Diagnostic;
import org.junit.jupiter.api.Test;

class ManyToManyRulesTest {

    @Test
    void acceptsMongoManyToManyHeldInIdListsOnBothSides() {
        ValidationResult result = valid(mongoPostAndTag(ID_LIST, TAGS));
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void rejectsImplicitManyToManyInMongoDbNamingTheIdListsToAdd() {
        Diagnostic error = singleError(withDatasources("""
                model Post {
                  id   String @id @default(auto()) @map("_id") @db.ObjectId
                  tags Tag[]
                  @@datasource(docs)
                }
                model Tag {
                  id    String @id @default(auto()) @map("_id") @db.ObjectId
                  posts Post[]
                  @@datasource(docs)
                }
                """), "The many-to-many relation \"PostToTag\" has no join table in mongodb: each side must hold the "
                        + "ids of the other in a list.", 7, 3);
        assertThat(error.hint()).isEqualTo("Add \"tagIds String[] @db.ObjectId\" to model \"Post\" with "
                + "@relation(fields: [tagIds], references: [id]) on \"tags\", and \"postIds String[] @db.ObjectId\" "
                + "to model \"Tag\" with @relation(fields: [postIds], references: [id]) on \"posts\".");
    }

    @Test
    void rejectsMongoManyToManyWithIdsOnOneSideOnly() {
        Diagnostic error = singleError(withDatasources("""
                model Post {
                  id   String @id @default(auto()) @map("_id") @db.ObjectId
                  tags Tag[]
                  @@datasource(docs)
                }
                """ + MONGO_TAG), "The relation field \"tags\" of model \"Post\" must declare fields and references"
                        + " too: in "
                        + "mongodb a many-to-many relation holds the ids on both sides, and the other side, field "
                        + "\"posts\" of model \"Tag\", declares them.", 7, 3);
        assertThat(error.hint()).isEqualTo("Add \"tagIds String[] @db.ObjectId\" to model \"Post\" with "
                + "@relation(fields: [tagIds], references: [id]) on \"tags\".");
    }

    @Test
    void rejectsIdListThatIsNotAList() {
        Diagnostic error = singleError(mongoPostAndTag("tagIds String @db.ObjectId",
                "tags   Tag[]  @relation(fields: [tagIds], references: [id])"),
                "Field \"tagIds\" of model \"Post\" holds the ids of the many-to-many relation "
                        + "\"PostToTag\" and must be String[], a list of the type of the id \"id\" of model \"Tag\", "
                        + "but is String.", 7, 10);
        assertThat(error.hint()).isEqualTo("Write \"tagIds String[]\".");
    }

    @Test
    void rejectsIdListOfAnotherTypeThanTheReferencedId() {
        singleError(mongoPostAndTag("tagIds Int[]",
                "tags   Tag[]  @relation(fields: [tagIds], references: [id])"),
                "Field \"tagIds\" of model \"Post\" holds the ids of the many-to-many relation "
                        + "\"PostToTag\" and must be String[], a list of the type of the id \"id\" of model \"Tag\", "
                        + "but is Int[].", 7, 10);
    }

    @Test
    void rejectsIdListOfObjectIdsWithoutObjectIdNativeType() {
        Diagnostic error = singleError(mongoPostAndTag("tagIds String[]",
                TAGS),
                "Field \"tagIds\" of model \"Post\" holds ObjectIds of model \"Tag\" and must be stored "
                        + "as ObjectIds too.", 7, 3);
        assertThat(error.hint()).isEqualTo("Add @db.ObjectId: tagIds String[] @db.ObjectId.");
    }

    @Test
    void rejectsReferencesOtherThanTheTargetId() {
        Diagnostic error = singleError(mongoPostAndTag(ID_LIST,
                "tags   Tag[]    @relation(fields: [tagIds], references: [postIds])"),
                "The references [postIds] of the relation field \"tags\" of model \"Post\" must be the id "
                        + "of model \"Tag\": a MongoDB many-to-many relation holds ids.", 8, 59);
        assertThat(error.hint()).isEqualTo("Write references: [id].");
    }

    @Test
    void rejectsMoreThanOneIdListField() {
        Diagnostic error = singleError(mongoPostAndTag(ID_LIST,
                "tags   Tag[]    @relation(fields: [tagIds, id], references: [id])"),
                "The fields of the relation field \"tags\" of model \"Post\" must name exactly one field, "
                        + "the list of ids it holds, but name 2.", 8, 37);
        assertThat(error.hint()).isEqualTo("Write fields: [tagIds], with tagIds String[] @db.ObjectId.");
    }

    @Test
    void rejectsIdListSideWithoutReferences() {
        Diagnostic error = singleError(mongoPostAndTag(ID_LIST,
                "tags   Tag[]    @relation(fields: [tagIds])"),
                "@relation of the relation field \"tags\" of model \"Post\" has fields but no references.",
                8, 19);
        assertThat(error.hint()).isEqualTo("Add references: [id], the id of \"Tag\".");
    }

    @Test
    void rejectsUnknownIdListField() {
        Diagnostic error = singleError(mongoPostAndTag(ID_LIST,
                "tags   Tag[]    @relation(fields: [tagId], references: [id])"),
                "Unknown field \"tagId\" in the fields of the relation field \"tags\" of model \"Post\".",
                8, 38);
        assertThat(error.hint()).startsWith("Did you mean \"tagIds\"");
    }

    @Test
    void rejectsIdListsOnBothSidesInRelationalDatasources() {
        ValidationResult result = withDatasources("""
                model Post {
                  id     Int   @id
                  tagIds Int[]
                  tags   Tag[] @relation(fields: [tagIds], references: [id])
                }
                model Tag {
                  id      Int    @id
                  postIds Int[]
                  posts   Post[] @relation(fields: [postIds], references: [id])
                }
                """);
        assertThat(result.errors()).extracting(Diagnostic::message).containsExactly(
                "The relation field \"tags\" of model \"Post\" is one side of a many-to-many relation and cannot hold "
                        + "fields or references.",
                "The relation field \"posts\" of model \"Tag\" is one side of a many-to-many relation and cannot "
                        + "hold fields or references.");
        assertThat(result.errors().get(0).hint()).isEqualTo("Remove them: in postgresql a join table holds the keys; "
                + "only MongoDB keeps them in lists of ids on both sides.");
    }
}
