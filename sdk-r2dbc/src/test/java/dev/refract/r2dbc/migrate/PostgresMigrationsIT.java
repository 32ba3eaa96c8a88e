package dev.refract.r2dbc.migrate;

import dev.refract.meta.Provider;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.TestNamespace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The migration commands on PostgreSQL: each migration applies in one transaction, so a failed one
 * leaves nothing behind; commands serialise on an advisory lock of the schema.
 */
class PostgresMigrationsIT extends MigrationCommandsContract {

    @Override
    TestNamespace namespace(String label) {
        return PostgresNamespace.create(label);
    }

    @Override
    String r2dbcUrl(TestNamespace namespace) {
        return ((PostgresNamespace) namespace).r2dbcUrl();
    }

    @Override
    Connection connect(TestNamespace namespace) throws SQLException {
        return ((PostgresNamespace) namespace).connect();
    }

    @Override
    Provider provider() {
        return Provider.POSTGRESQL;
    }

    @Override
    String pause() {
        return "SELECT pg_sleep(0.5)";
    }

    @Override
    String tables() {
        return "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_type = 'BASE TABLE'";
    }

    @Override
    void holdLock(Connection connection) throws SQLException {
        long key;
        try (Statement statement = connection.createStatement();
                ResultSet namespace = statement.executeQuery("SELECT current_database(), current_schema()")) {
            namespace.next();
            key = PostgresMigrations.key(namespace.getString(1), namespace.getString(2));
        }
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, key);
            lock.execute();
        }
    }

    @Override
    String hostileScript() {
        return """
                CREATE TABLE notes (body text NOT NULL);
                -- a comment; with a semicolon
                INSERT INTO notes VALUES ('a;b'), (E'tab\\there; escaped'), ($$dollar; quoted$$), ("quote_ident"('c;d'));
                /* a block; /* nested; */ comment */
                CREATE FUNCTION shout(t text) RETURNS text AS $body$
                BEGIN
                  RETURN upper(t) || ';';
                END;
                $body$ LANGUAGE plpgsql;
                INSERT INTO notes SELECT shout('x');
                CREATE FUNCTION whisper(t text) RETURNS text LANGUAGE SQL
                BEGIN ATOMIC
                  SELECT CASE WHEN t = '' THEN ';' ELSE lower(t) END;
                END;
                INSERT INTO notes SELECT whisper('Y;');
                """;
    }

    @Override
    List<String> hostileNotes() {
        return List.of("a;b", "tab\there; escaped", "dollar; quoted", "\"c;d\"", "X;", "y;");
    }

    @Override
    String objectsBesideTables() {
        return """
                CREATE TYPE mood AS ENUM ('happy', 'sad');
                CREATE VIEW one_view AS SELECT id FROM one;
                CREATE FUNCTION add_one(i int) RETURNS int AS $$ SELECT i + 1 $$ LANGUAGE sql;
                CREATE SEQUENCE counter;
                CREATE DOMAIN positive AS int CHECK (VALUE > 0);
                """;
    }

    @Override
    boolean rollsBackFailedMigrations() {
        return true;
    }
}
