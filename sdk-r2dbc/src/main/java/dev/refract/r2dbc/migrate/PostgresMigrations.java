package dev.refract.r2dbc.migrate;

import dev.refract.r2dbc.sql.SqlScanner;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Row;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Migrations on PostgreSQL: each migration runs in one transaction with its history row, and
 * commands serialise on a session-level advisory lock whose key is derived from the database and
 * the current schema, so two schemas of one server migrate independently.
 */
final class PostgresMigrations implements MigrationDialect {

    private static final Duration LOCK_POLL = Duration.ofMillis(100);

    private static final String NAMESPACE = "SELECT current_database(), current_schema()";

    private static final String DROP_EVERYTHING = "SELECT what, statement FROM ("
            + " SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'"
            + " WHEN 'f' THEN 'foreign table' WHEN 'S' THEN 'sequence' ELSE 'table' END"
            + " || ' ' || quote_ident(c.relname) AS what,"
            + " 'DROP ' || CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'"
            + " WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END"
            + " || ' IF EXISTS ' || quote_ident(c.relname) || ' CASCADE' AS statement,"
            + " CASE c.relkind WHEN 'S' THEN 2 ELSE 1 END AS rank"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass"
            + " AND d.objid = c.oid AND d.deptype = 'e')"
            + " UNION ALL"
            + " SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END"
            + " || ' ' || quote_ident(p.proname) || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')',"
            + " 'DROP ' || CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END"
            + " || ' IF EXISTS ' || quote_ident(p.proname)"
            + " || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ') CASCADE', 3"
            + " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE n.nspname = current_schema()"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::regclass"
            + " AND d.objid = p.oid AND d.deptype = 'e')"
            + " UNION ALL"
            + " SELECT CASE t.typtype WHEN 'd' THEN 'domain' ELSE 'type' END || ' ' || quote_ident(t.typname),"
            + " 'DROP ' || CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END"
            + " || ' IF EXISTS ' || quote_ident(t.typname) || ' CASCADE', 4"
            + " FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE n.nspname = current_schema() AND t.typtype IN ('e', 'd', 'r', 'c')"
            + " AND (t.typrelid = 0 OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c"
            + " WHERE c.oid = t.typrelid AND c.relkind = 'c'))"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_type'::regclass"
            + " AND d.objid = t.oid AND d.deptype = 'e')"
            + ") everything ORDER BY rank, what";

    @Override
    public SqlScanner.Syntax syntax() {
        return SqlScanner.Syntax.POSTGRESQL;
    }

    @Override
    public boolean transactional() {
        return true;
    }

    @Override
    public String createTable() {
        return "CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                + "id varchar(36) PRIMARY KEY, "
                + "checksum varchar(64) NOT NULL, "
                + "name varchar(255) NOT NULL, "
                + "started_at timestamptz NOT NULL DEFAULT clock_timestamp(), "
                + "finished_at timestamptz, "
                + "logs text, "
                + "rolled_back_at timestamptz, "
                + "applied_steps_count integer NOT NULL DEFAULT 0)";
    }

    @Override
    public String tableExists() {
        return "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND tablename = '"
                + TABLE + "'";
    }

    @Override
    public String now() {
        return "clock_timestamp()";
    }

    @Override
    public String parameter(int position) {
        return "$" + position;
    }

    @Override
    public Instant instant(Row row, String column) {
        return row.get(column, Instant.class);
    }

    /**
     * Polls {@code pg_try_advisory_lock} rather than waiting in {@code pg_advisory_lock}, so that the
     * wait has a deadline without changing the session's {@code lock_timeout}, which the migrations'
     * own statements would inherit.
     */
    @Override
    public Mono<String> lock(Connection connection, Duration timeout, MigrationListener listener) {
        return Statements.query(connection, NAMESPACE, row -> new Namespace(row.get(0, String.class),
                        row.get(1, String.class)))
                .next()
                .flatMap(namespace -> {
                    if (namespace.schema() == null) {
                        return Mono.error(new MigrationLockException("of database " + namespace.database(),
                                "the connection has no current schema, as no schema of its search_path exists:"
                                        + " create the schema, or name an existing one in the connection URL"));
                    }
                    long key = key(namespace.database(), namespace.schema());
                    String lock = Long.toString(key);
                    Mono<Boolean> attempt = Statements.query(connection, "SELECT pg_try_advisory_lock($1)",
                            row -> Boolean.TRUE.equals(row.get(0, Boolean.class)), key).next();
                    return attempt.flatMap(taken -> {
                        if (taken) {
                            return Mono.just(lock);
                        }
                        listener.on(new MigrationEvent.WaitingForLock(lock));
                        long deadline = System.nanoTime() + timeout.toNanos();
                        return attempt.filter(Boolean::booleanValue)
                                .repeatWhenEmpty(attempts -> attempts.concatMap(n -> System.nanoTime() > deadline
                                        ? Mono.error(new MigrationLockException(lock + " (schema " + namespace.schema()
                                                + ")", timeout))
                                        : Mono.delay(LOCK_POLL)))
                                .thenReturn(lock);
                    });
                });
    }

    @Override
    public Mono<Void> unlock(Connection connection, String lock) {
        return Statements.query(connection, "SELECT pg_advisory_unlock($1)", row -> row.get(0, Boolean.class),
                Long.parseLong(lock)).then();
    }

    @Override
    public Mono<List<String>> dropEverything(Connection connection) {
        return Statements.query(connection, DROP_EVERYTHING, row -> List.of(row.get(0, String.class),
                        row.get(1, String.class)))
                .collectList()
                .flatMap(objects -> Statements.inTransaction(connection, Flux.fromIterable(objects)
                                .concatMap(object -> Statements.execute(connection, object.get(1)))
                                .then())
                        .thenReturn(objects.stream().map(object -> object.get(0)).toList()));
    }

    /** The database and the current schema of a connection; the schema is {@code null} when there is none. */
    private record Namespace(String database, String schema) {
    }

    /**
     * The advisory lock key of a schema: the first 8 bytes of a SHA-256 of its database's and its
     * own name, joined by a NUL, which no PostgreSQL name can hold.
     */
    static long key(String database, String schema) {
        return ByteBuffer.wrap(Checksums.sha256(("refract migrate\0" + database + "\0" + schema)
                .getBytes(StandardCharsets.UTF_8))).getLong();
    }
}
