package dev.refract.r2dbc.relations.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.setdefault.db.Account;
import com.example.setdefault.db.Note;
import com.example.setdefault.db.RefractClient;
import com.example.setdefault.db.RefractClientMetadata;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * SetDefault, the referential action PostgreSQL carries out and MySQL does not: the notes of a
 * deleted or re-keyed account fall back to the house account, and without the house account the
 * delete is refused with an error that says to create it. The actions both databases carry out
 * are proved by the shared relational suite.
 */
@RefractTestDatabases
class SetDefaultActionIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static RefractClient db;

    @BeforeAll
    static void pushAndConnect(PostgresNamespace postgres) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl()))
                .block(Duration.ofSeconds(30));
        db = RefractClient.builder().datasource("db", postgres.r2dbcUrl()).build();
    }

    @AfterAll
    static void close() {
        db.closeAsync().block(WAIT);
    }

    @BeforeEach
    void emptyTables() {
        db.note().deleteMany().then(db.account().deleteMany()).block(WAIT);
    }

    private static void accounts(String... codes) {
        for (String code : codes) {
            db.account().create(c -> c.code(code)).block(WAIT);
        }
    }

    private static void notes(String... accountCodes) {
        for (String code : accountCodes) {
            db.note().create(c -> c.accountCode(code)).block(WAIT);
        }
    }

    private static List<String> accountCodes() {
        return db.account().findMany(q -> q.orderBy(o -> o.code().asc())).map(Account::code).collectList().block(WAIT);
    }

    private static List<String> noteAccounts() {
        return db.note().findMany(q -> q.orderBy(o -> o.id().asc())).map(Note::accountCode).collectList().block(WAIT);
    }

    @Test
    void theNotesOfADeletedOrReKeyedAccountFallBackToTheHouseAccount() {
        accounts("HOUSE", "A-1", "B-1");
        notes("A-1", "B-1", "A-1");

        db.account().delete(w -> w.code("A-1")).block(WAIT);
        assertThat(noteAccounts()).containsExactly("HOUSE", "B-1", "HOUSE");

        db.account().update(w -> w.code("B-1"), d -> d.code("B-2")).block(WAIT);
        assertThat(noteAccounts()).containsExactly("HOUSE", "HOUSE", "HOUSE");
        assertThat(accountCodes()).containsExactly("B-2", "HOUSE");
    }

    @Test
    void withoutTheHouseAccountTheDeleteIsRefusedWithAnErrorSayingToCreateIt() {
        accounts("A-1");
        notes("A-1");

        StepVerifier.create(db.account().delete(w -> w.code("A-1")))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                            .hasMessageContaining("relation account of Note (accountCode -> Account.code")
                            .hasMessageContaining("onDelete: SetDefault and onUpdate: SetDefault put the default of"
                                    + " accountCode in its place, and no Account has that code; create it first");
                    ForeignKeyViolationException violation = (ForeignKeyViolationException) error;
                    assertThat(violation.model()).isEqualTo("Note");
                    assertThat(violation.fields()).containsExactly("accountCode");
                })
                .verify(WAIT);
        StepVerifier.create(db.account().update(w -> w.code("A-1"), d -> d.code("A-2")))
                .expectError(ForeignKeyViolationException.class)
                .verify(WAIT);
        assertThat(accountCodes()).containsExactly("A-1");
        assertThat(noteAccounts()).containsExactly("A-1");

        accounts("HOUSE");
        db.account().delete(w -> w.code("A-1")).block(WAIT);
        assertThat(noteAccounts()).containsExactly("HOUSE");
    }

    @Test
    void theForeignKeySetsTheDefaultOnDeleteAndOnUpdate(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                        + " WHERE conname = 'Note_accountCode_fkey' AND connamespace = current_schema()::regnamespace")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("FOREIGN KEY (\"accountCode\") REFERENCES \"Account\"(code)"
                    + " ON UPDATE SET DEFAULT ON DELETE SET DEFAULT");
        }
    }
}
