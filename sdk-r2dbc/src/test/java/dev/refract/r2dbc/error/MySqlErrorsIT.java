package dev.refract.r2dbc.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.NullConstraintViolationException;
import dev.refract.error.RefractException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Provokes constraint errors on the test server through raw r2dbc-mysql, in the pushed MySQL copy
 * of the relations schema, and translates what the driver raises: the real messages of MySQL or
 * MariaDB, not hand-written ones, lead to the fields and relations.
 */
@RefractTestDatabases
class MySqlErrorsIT {

    private static final SchemaMeta RELATIONS = com.example.relations.mysql.db.RefractClientMetadata.SCHEMA;

    private static ConnectionFactory connections;

    private final ErrorTranslator translator = new ErrorTranslator(RELATIONS, "db");

    @BeforeAll
    static void push(MysqlNamespace mysql) {
        connections = ConnectionFactories.get(mysql.r2dbcUrl());
        DbPush.push(RELATIONS, 0, connections).block();
        execute("INSERT INTO `User` (`id`, `email`, `name`) VALUES (1, 'ann@example.com', 'Ann')");
        execute("INSERT INTO `Account` (`id`, `code`) VALUES (1, 'A-1')");
        execute("INSERT INTO `RestrictNote` (`accountCode`) VALUES ('A-1')");
    }

    private static ModelMeta model(String name) {
        return RELATIONS.models().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static void execute(String sql) {
        Mono.usingWhen(connections.create(), connection -> Flux.from(connection.createStatement(sql).execute())
                .concatMap(Result::getRowsUpdated).then(), Connection::close).block();
    }

    private RefractException failure(String sql, String model) {
        Throwable error = null;
        try {
            execute(sql);
        } catch (RuntimeException e) {
            error = e;
        }
        assertThat(error).as(sql).isNotNull();
        return translator.translate(error, model(model));
    }

    @Test
    void aDuplicateEmailNamesTheEmailFieldButNotTheValue() {
        RefractException error = failure("INSERT INTO `User` (`email`, `name`) VALUES ('ann@example.com', 'Other')",
                "User");

        assertThat(error).isInstanceOf(UniqueConstraintViolationException.class)
                .hasMessageContaining("(email) of User").hasMessageNotContaining("ann@example.com");
        assertThat(error.fields()).containsExactly("email");
    }

    @Test
    void aPostOfNoAuthorNamesTheAuthorRelation() {
        RefractException error = failure("INSERT INTO `Post` (`title`, `authorId`) VALUES ('t', 999)", "Post");

        assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                .hasMessageContaining("relation author of Post (authorId -> User.id, constraint Post_authorId_fkey)");
    }

    @Test
    void anAccountStillPointedAtNamesTheRestrictingRelation() {
        RefractException error = failure("DELETE FROM `Account` WHERE `code` = 'A-1'", "Account");

        assertThat(error).isInstanceOf(ForeignKeyViolationException.class)
                .hasMessageContaining("RestrictNote records still point at this Account");
        assertThat(error.model()).isEqualTo("RestrictNote");
    }

    @Test
    void aMissingNameNamesTheField() {
        RefractException error = failure("INSERT INTO `User` (`email`, `name`) VALUES ('x@example.com', NULL)", "User");

        assertThat(error).isInstanceOf(NullConstraintViolationException.class)
                .hasMessageContaining("field 'name' of User");
    }
}
