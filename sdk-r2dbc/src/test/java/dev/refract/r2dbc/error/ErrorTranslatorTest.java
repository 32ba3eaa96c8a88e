package dev.refract.r2dbc.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.error.ConnectionFailedException;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.InvalidQueryException;
import dev.refract.error.QueryFailedException;
import dev.refract.error.RefractException;
import dev.refract.error.TransactionConflictException;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.SchemaMeta;
import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.postgresql.message.backend.Field;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorTranslatorTest {

    private static final SchemaMeta RELATIONS = com.example.relations.db.RefractClientMetadata.SCHEMA;

    private final ErrorTranslator translator = new ErrorTranslator(new SchemaMeta(List.of(), List.of()), "db");
    private final ErrorTranslator relations = new ErrorTranslator(RELATIONS, "db");
    private final ErrorTranslator setDefault = new ErrorTranslator(
            com.example.setdefault.db.RefractClientMetadata.SCHEMA, "db");

    /** A foreign key error as PostgreSQL reports it: the table holding the key, the constraint and the detail. */
    private static final class ForeignKeyError extends R2dbcDataIntegrityViolationException
            implements PostgresqlException {

        private static final long serialVersionUID = 1L;

        private final transient ErrorDetails details;

        ForeignKeyError(String table, String constraint, String detail) {
            super("violates foreign key constraint", "23503");
            List<Field> fields = new java.util.ArrayList<>(List.of(
                    new Field(Field.FieldType.CODE, "23503"),
                    new Field(Field.FieldType.MESSAGE, "violates foreign key constraint"),
                    new Field(Field.FieldType.TABLE_NAME, table),
                    new Field(Field.FieldType.DETAIL, detail)));
            if (constraint != null) {
                fields.add(new Field(Field.FieldType.CONSTRAINT_NAME, constraint));
            }
            this.details = new ErrorDetails(fields);
        }

        @Override
        public ErrorDetails getErrorDetails() {
            return details;
        }
    }

    private static ModelMeta model(String name) {
        return RELATIONS.models().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void readsTheKeyColumnsOfAConstraintDetail() {
        assertThat(PostgresErrors.keyColumns("Key (email)=(a@b.c) already exists.")).containsExactly("email");
        assertThat(PostgresErrors.keyColumns("Key (tenant_id, \"E-Mail\")=(1, x) already exists."))
                .containsExactly("tenant_id", "E-Mail");
        assertThat(PostgresErrors.keyColumns("Key (\"a, \"\"b\"\"\")=(1) is not present in table \"t\"."))
                .containsExactly("a, \"b\"");
        assertThat(PostgresErrors.keyColumns("Failing row contains (1, null).")).isEmpty();
    }

    @Test
    void serializationFailuresAndDeadlocksAreRetryableConflicts() {
        for (String state : List.of("40001", "40P01")) {
            RefractException error = translator.translate(new R2dbcTransientResourceException("conflict", state), null);
            assertThat(error).isInstanceOf(TransactionConflictException.class);
            assertThat(((TransactionConflictException) error).retryable()).isTrue();
        }
    }

    @Test
    void lostOrRefusedConnectionsAreConnectionFailures() {
        assertThat(translator.translate(new R2dbcNonTransientResourceException("gone", "08006"), null))
                .isInstanceOf(ConnectionFailedException.class).hasMessageContaining("datasource 'db'");
        assertThat(translator.translate(new R2dbcNonTransientResourceException("auth", "28P01"), null))
                .isInstanceOf(ConnectionFailedException.class);
        assertThat(translator.translate(new IllegalStateException("pool", new ConnectException("refused")), null))
                .isInstanceOf(ConnectionFailedException.class);
    }

    @Test
    void otherDatabaseErrorsKeepTheirSqlStateWithPasswordsRedacted() {
        RefractException error = translator.translate(new R2dbcBadGrammarException(
                "bad: r2dbc:postgresql://app:hunter2@db/x", "42601"), null);
        assertThat(error).isInstanceOf(QueryFailedException.class).hasMessageContaining("42601")
                .hasMessageNotContaining("hunter2");
        assertThat(((QueryFailedException) error).sqlState()).isEqualTo("42601");
    }

    @Test
    void leavesRefractErrorsAsTheyAre() {
        InvalidQueryException invalid = new InvalidQueryException("Owner", List.of(), "bad query");
        assertThat(translator.translate(invalid, null)).isSameAs(invalid);
    }

    @Test
    void findsTheDatabaseErrorInsideAWrapperOfReactors() {
        RuntimeException wrapped = new RuntimeException("Async resource cleanup failed after onComplete",
                new R2dbcTransientResourceException("could not serialize access", "40001"));
        assertThat(translator.translate(wrapped, null)).isInstanceOf(TransactionConflictException.class);
    }

    @Test
    void aRecordStillPointedAtNamesTheRelationItsActionsAndWhatToDo() {
        RefractException error = relations.translate(new ForeignKeyError("RestrictNote",
                "RestrictNote_accountCode_fkey", "Key (code)=(A-1) is still referenced from table \"RestrictNote\"."),
                model("Account"));
        assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                .hasMessageContaining("relation account of RestrictNote (accountCode -> Account.code")
                .hasMessageContaining("RestrictNote records still point at this Account")
                .hasMessageContaining("onDelete: Restrict, onUpdate: Restrict")
                .hasMessageContaining("delete those RestrictNote records or point them at another Account first")
                .hasMessageContaining("onDelete/onUpdate: Cascade on RestrictNote.account")
                .hasMessageNotContaining("A-1");
        assertThat(error.model()).isEqualTo("RestrictNote");
        assertThat(error.fields()).containsExactly("accountCode");
    }

    @Test
    void theConstraintTellsApartTwoRelationsToTheSameModel() {
        String detail = "Key (id)=(7) is still referenced from table \"Post\".";
        assertThat(relations.translate(new ForeignKeyError("Post", "Post_editorId_fkey", detail), model("User")))
                .hasMessageContaining("relation editor of Post (editorId -> User.id")
                .hasMessageContaining("onDelete: SetNull, onUpdate: Cascade")
                .hasMessageContaining("Cascade or SetNull on Post.editor");
        RefractException unnamed = relations.translate(new ForeignKeyError("Post", null, detail), model("User"));
        assertThat(unnamed).hasMessageContaining("Foreign key constraint failed on Post: its records still point at"
                + " the User being deleted or re-keyed");
        assertThat(unnamed.model()).isEqualTo("Post");
    }

    @Test
    void aKeyPointingAtNothingNamesTheRelationAndTheMissingRecord() {
        RefractException error = relations.translate(new ForeignKeyError("Item", null,
                "Key (\"shelfAisle\", \"shelfNumber\")=(Z, 9) is not present in table \"Shelf\"."), model("Item"));
        assertThat(error).hasMessageContaining("relation shelf of Item ((shelfAisle, shelfNumber) -> Shelf.(aisle,"
                + " number)): no Shelf has the (aisle, number) given in (shelfAisle, shelfNumber); create that Shelf"
                + " first").hasMessageNotContaining("SetDefault");
        assertThat(error.fields()).containsExactly("shelfAisle", "shelfNumber");
    }

    @Test
    void aMissingDefaultTargetOfSetDefaultSaysToCreateIt() {
        RefractException error = setDefault.translate(new ForeignKeyError("Note",
                "Note_accountCode_fkey", "Key (\"accountCode\")=(HOUSE) is not present in table \"Account\"."),
                com.example.setdefault.db.RefractClientMetadata.ACCOUNT);
        assertThat(error).hasMessageContaining("relation account of Note")
                .hasMessageContaining("onDelete: SetDefault and onUpdate: SetDefault put the default of accountCode"
                        + " in its place, and no Account has that code; create it first")
                .hasMessageNotContaining("HOUSE");
        assertThat(error.model()).isEqualTo("Note");
    }

    @Test
    void aLinkToAMissingRecordNamesTheManyToManyRelation() {
        RefractException error = relations.translate(new ForeignKeyError("_PostToTag", "_PostToTag_B_fkey",
                "Key (\"B\")=(3) is not present in table \"Tag\"."), null);
        assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                .hasMessageContaining("relation tags of Post (join table _PostToTag, column B -> Tag.id")
                .hasMessageContaining("no Tag has the id given; connect only Tag records that exist");
        assertThat(error.model()).isEqualTo("Post");
        assertThat(error.fields()).containsExactly("tags");
    }
}
