package dev.refract.r2dbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.Provider;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.TestNamespace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The migration commands on MySQL and MariaDB: data definition commits statement by statement, so
 * a failed migration leaves the statements before the failing one, and the history counts them;
 * commands serialise on a named lock of the database.
 */
class MySqlMigrationsIT extends MigrationCommandsContract {

    @Override
    TestNamespace namespace(String label) {
        return MysqlNamespace.create(label);
    }

    @Override
    String r2dbcUrl(TestNamespace namespace) {
        return ((MysqlNamespace) namespace).r2dbcUrl();
    }

    @Override
    Connection connect(TestNamespace namespace) throws SQLException {
        return ((MysqlNamespace) namespace).connect();
    }

    @Override
    Provider provider() {
        return Provider.MYSQL;
    }

    @Override
    String pause() {
        return "DO SLEEP(0.5)";
    }

    @Override
    String tables() {
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_type = 'BASE TABLE'";
    }

    @Override
    void holdLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            lock.setString(1, MySqlMigrations.lockName(connection.getCatalog()));
            try (ResultSet taken = lock.executeQuery()) {
                taken.next();
                assertThat(taken.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Override
    String hostileScript() {
        return """
                CREATE TABLE notes (body TEXT NOT NULL, `odd;column` INT NULL);
                # a comment; with a semicolon
                INSERT INTO notes (body) VALUES ('a;b'), ('it\\'s; escaped'), ("double; quoted"), ('doubled'';');
                -- another; comment
                /* a block; comment */ INSERT INTO notes (body, `odd;column`) VALUES (CONCAT('x', ';'), 1);
                """;
    }

    @Override
    List<String> hostileNotes() {
        return List.of("a;b", "it's; escaped", "double; quoted", "doubled';", "x;");
    }

    @Override
    String objectsBesideTables() {
        return """
                CREATE VIEW one_view AS SELECT id FROM one;
                CREATE FUNCTION add_one(i INT) RETURNS INT DETERMINISTIC NO SQL RETURN i + 1;
                """;
    }

    @Override
    boolean rollsBackFailedMigrations() {
        return false;
    }
}
