package dev.refract.r2dbc.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.error.ConnectionFailedException;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.NullConstraintViolationException;
import dev.refract.error.QueryFailedException;
import dev.refract.error.RefractException;
import dev.refract.error.TransactionConflictException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.SchemaMeta;
import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcPermissionDeniedException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.junit.jupiter.api.Test;

/**
 * MySQL's and MariaDB's errors, as r2dbc-mysql raises them (the server's message, SQLSTATE and error
 * code), translated for the MySQL copy of the relations schema.
 */
class MySqlErrorTranslationTest {

    private static final SchemaMeta RELATIONS = com.example.relations.mysql.db.RefractClientMetadata.SCHEMA;

    private final ErrorTranslator translator = new ErrorTranslator(RELATIONS, "db");

    private static ModelMeta model(String name) {
        return RELATIONS.models().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static R2dbcDataIntegrityViolationException integrity(String message, int code) {
        return new R2dbcDataIntegrityViolationException(message, "23000", code);
    }

    @Test
    void aDuplicateEntryNamesTheFieldsOfItsIndexAndNotTheValue() {
        RefractException mariaDb = translator.translate(integrity(
                "Duplicate entry 'ann@example.com' for key 'User_email_key'", 1062), model("User"));
        RefractException mysql = translator.translate(integrity(
                "Duplicate entry 'ann@example.com' for key 'User.User_email_key'", 1062), null);

        for (RefractException error : new RefractException[] {mariaDb, mysql}) {
            assertThat(error).isInstanceOf(UniqueConstraintViolationException.class)
                    .hasMessageContaining("Unique constraint failed on the fields (email) of User")
                    .hasMessageContaining("constraint User_email_key")
                    .hasMessageNotContaining("ann@example.com");
            assertThat(error.model()).isEqualTo("User");
            assertThat(error.fields()).containsExactly("email");
        }
    }

    @Test
    void aDuplicatePrimaryKeyNamesTheIdOfTheTableOrOfTheModelWrittenTo() {
        RefractException mysql = translator.translate(integrity(
                "Duplicate entry 'A-1' for key 'Shelf.PRIMARY'", 1062), null);
        RefractException mariaDb = translator.translate(integrity("Duplicate entry '7' for key 'PRIMARY'", 1062),
                model("Tag"));

        assertThat(mysql.model()).isEqualTo("Shelf");
        assertThat(mysql.fields()).containsExactly("aisle", "number");
        assertThat(mariaDb.model()).isEqualTo("Tag");
        assertThat(mariaDb.fields()).containsExactly("id");
    }

    @Test
    void aDuplicateWhoseValueQuotesTheMessageStillFindsTheIndex() {
        RefractException error = translator.translate(integrity(
                "Duplicate entry 'x' for key 'y' for key 'Tag_name_key'", 1062), model("Tag"));

        assertThat(error.fields()).containsExactly("name");
    }

    @Test
    void aChildRowPointingAtNothingNamesTheRelation() {
        RefractException error = translator.translate(integrity("Cannot add or update a child row: a foreign key"
                + " constraint fails (`rt_db`.`Post`, CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`)"
                + " REFERENCES `User` (`id`) ON DELETE CASCADE ON UPDATE CASCADE)", 1452), model("Post"));

        assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                .hasMessageContaining("relation author of Post (authorId -> User.id, constraint Post_authorId_fkey)")
                .hasMessageContaining("no User has the id given in authorId");
        assertThat(error.fields()).containsExactly("authorId");
    }

    @Test
    void aParentRowStillReferencedNamesTheRelationAndItsActions() {
        RefractException error = translator.translate(integrity("Cannot delete or update a parent row: a foreign key"
                + " constraint fails (`rt_db`.`RestrictNote`, CONSTRAINT `RestrictNote_accountCode_fkey` FOREIGN KEY"
                + " (`accountCode`) REFERENCES `Account` (`code`) ON DELETE RESTRICT ON UPDATE RESTRICT)", 1451),
                model("Account"));

        assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                .hasMessageContaining("relation account of RestrictNote (accountCode -> Account.code")
                .hasMessageContaining("RestrictNote records still point at this Account")
                .hasMessageContaining("onDelete: Restrict, onUpdate: Restrict");
        assertThat(error.model()).isEqualTo("RestrictNote");
    }

    @Test
    void aCompoundForeignKeyWithoutItsPrismaNameIsFoundByItsColumns() {
        RefractException error = translator.translate(integrity("Cannot add or update a child row: a foreign key"
                + " constraint fails (`db`.`Item`, CONSTRAINT `item_ibfk_1` FOREIGN KEY (`shelfAisle`, `shelfNumber`)"
                + " REFERENCES `Shelf` (`aisle`, `number`))", 1452), model("Item"));

        assertThat(error).hasMessageContaining("relation shelf of Item ((shelfAisle, shelfNumber) -> Shelf.(aisle,"
                + " number)");
    }

    @Test
    void aLinkToAMissingRecordNamesTheManyToManyRelation() {
        RefractException error = translator.translate(integrity("Cannot add or update a child row: a foreign key"
                + " constraint fails (`db`.`_PostToTag`, CONSTRAINT `_PostToTag_B_fkey` FOREIGN KEY (`B`)"
                + " REFERENCES `Tag` (`id`) ON DELETE CASCADE ON UPDATE CASCADE)", 1452), null);

        assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                .hasMessageContaining("relation tags of Post (join table _PostToTag, column B -> Tag.id");
    }

    @Test
    void aMissingRequiredValueNamesTheField() {
        RefractException nullGiven = translator.translate(integrity("Column 'title' cannot be null", 1048),
                model("Post"));
        RefractException noDefault = translator.translate(new R2dbcNonTransientResourceException(
                "Field 'title' doesn't have a default value", "HY000", 1364), model("Post"));

        for (RefractException error : new RefractException[] {nullGiven, noDefault}) {
            assertThat(error).isInstanceOf(NullConstraintViolationException.class)
                    .hasMessageContaining("Null constraint failed on field 'title' of Post");
        }
    }

    @Test
    void deadlocksAndLockWaitTimeoutsAreRetryableConflicts() {
        RefractException deadlock = translator.translate(new R2dbcTransientResourceException(
                "Deadlock found when trying to get lock; try restarting transaction", "40001", 1213), model("Post"));
        RefractException timeout = translator.translate(new R2dbcTimeoutException(
                "Lock wait timeout exceeded; try restarting transaction", "HY000", 1205), model("Post"));

        assertThat(deadlock).isInstanceOf(TransactionConflictException.class).hasMessageContaining("Deadlock");
        assertThat(timeout).isInstanceOf(TransactionConflictException.class).hasMessageContaining("Lock wait timeout");
        assertThat(((TransactionConflictException) timeout).retryable()).isTrue();
    }

    @Test
    void refusedAndLostConnectionsAreConnectionFailures() {
        assertThat(translator.translate(new R2dbcPermissionDeniedException(
                "Access denied for user 'app'@'localhost' (using password: YES)", "28000", 1045), null))
                .isInstanceOf(ConnectionFailedException.class);
        assertThat(translator.translate(new R2dbcNonTransientResourceException("Too many connections", null, 1040),
                null)).isInstanceOf(ConnectionFailedException.class);
    }

    @Test
    void aConnectionTheDriverFoundClosedIsAConnectionFailureWhoseCallMayHaveApplied() {
        // r2dbc-mysql's own error of a connection the server or the network ended carries no code
        RefractException error = translator.translate(new R2dbcNonTransientResourceException(
                "Connection unexpectedly closed"), model("Post"));

        assertThat(error).isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("Connection unexpectedly closed");
        assertThat(error.retrySafe()).as("the adapter, which knows whether the call only read, decides").isFalse();
    }

    @Test
    void aStatementSentOnAConnectionThatHasEndedIsAConnectionFailure() {
        assertThat(translator.translate(new IllegalStateException("Request queue was disposed"), null))
                .isInstanceOf(ConnectionFailedException.class);
        assertThat(translator.translate(new IllegalStateException("something else"), null))
                .as("only the driver's own words for it").isInstanceOf(QueryFailedException.class);
    }

    @Test
    void anErrorOfUncertainStateIsNoConnectionFailure() {
        // r2dbc-mysql raises errors without a known class as non-transient resource exceptions
        RefractException error = translator.translate(new R2dbcNonTransientResourceException(
                "Incorrect string value: '\\xF0\\x9F' for column `title`", "HY000", 1366), model("Post"));

        assertThat(error).isInstanceOf(QueryFailedException.class).hasMessageContaining("MySQL error 1366");
    }

    @Test
    void otherErrorsKeepTheirCodeAndState() {
        RefractException error = translator.translate(new R2dbcBadGrammarException("Table 'db.Nope' doesn't exist",
                "42S02", 1146, "SELECT 1"), model("Post"));

        assertThat(error).isInstanceOf(QueryFailedException.class)
                .hasMessageContaining("(MySQL error 1146, SQLSTATE 42S02)");
        assertThat(((QueryFailedException) error).sqlState()).isEqualTo("42S02");
    }
}
