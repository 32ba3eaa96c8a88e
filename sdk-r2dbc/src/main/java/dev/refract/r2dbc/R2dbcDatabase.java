package dev.refract.r2dbc;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.codec.CodecRegistry;
import dev.refract.r2dbc.sql.MySqlDialect;
import dev.refract.r2dbc.sql.MySqlServer;
import dev.refract.r2dbc.sql.PostgresDialect;
import dev.refract.r2dbc.sql.RawSql;
import dev.refract.r2dbc.sql.SqlRenderer;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the {@link R2dbcAdapter} needs to know of the database behind a datasource: how it renders
 * (and whether it must ask the server which one it is first), the codecs of its driver, the
 * placeholders of raw SQL, and the session settings a pool's connections get.
 */
public enum R2dbcDatabase {

    /** PostgreSQL through r2dbc-postgresql: one dialect, {@code $1, $2, …} in raw SQL, every session in UTC. */
    POSTGRESQL(Provider.POSTGRESQL, RawSql.Placeholders.NUMBERED) {
        @Override
        public CodecRegistry codecs() {
            return CodecRegistry.postgres();
        }

        @Override
        public Mono<StatementRenderer> renderer(SchemaMeta schema, Connection connection) {
            return Mono.just(fixedRenderer(schema));
        }

        @Override
        StatementRenderer fixedRenderer(SchemaMeta schema) {
            return StatementRenderer.of(new SqlRenderer(schema, PostgresDialect.INSTANCE));
        }

        /**
         * Every session in UTC unless the URL sets {@code timeZone}: the driver otherwise gives a
         * session the JVM's default zone, in which PostgreSQL would turn the instants bound for a
         * {@code timestamp} column (sent as {@code timestamptz}) and {@code now()} into local times.
         */
        @Override
        ConnectionFactoryOptions complete(ConnectionFactoryOptions options) {
            if (options.hasOption(POSTGRES_TIME_ZONE)) {
                return options;
            }
            return options.mutate().option(POSTGRES_TIME_ZONE, "UTC").build();
        }
    },

    /**
     * MySQL or MariaDB through r2dbc-mysql: the dialect is written for the server that
     * {@code SELECT VERSION()} reports, {@code ?} in raw SQL, and every session in UTC unless the URL
     * sets {@code connectionTimeZone}.
     */
    MYSQL(Provider.MYSQL, RawSql.Placeholders.QUESTION_MARK) {
        @Override
        public CodecRegistry codecs() {
            return CodecRegistry.mysql();
        }

        @Override
        public Mono<StatementRenderer> renderer(SchemaMeta schema, Connection connection) {
            return Flux.from(connection.createStatement("SELECT VERSION()").execute())
                    .concatMap(result -> result.map((row, metadata) -> row.get(0, String.class)), 1)
                    .next()
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                            "SELECT VERSION() returned no row: the server does not speak MySQL")))
                    .map(version -> StatementRenderer.of(new SqlRenderer(schema,
                            new MySqlDialect(MySqlServer.parse(version).requireSupported()))));
        }

        @Override
        StatementRenderer fixedRenderer(SchemaMeta schema) {
            return null;
        }

        @Override
        ConnectionFactoryOptions complete(ConnectionFactoryOptions options) {
            if (options.hasOption(CONNECTION_TIME_ZONE)) {
                return options;
            }
            return options.mutate().option(CONNECTION_TIME_ZONE, "UTC")
                    .option(FORCE_TIME_ZONE_TO_SESSION, "true").build();
        }
    };

    /** r2dbc-mysql's option naming the time zone of the session. */
    private static final Option<Object> CONNECTION_TIME_ZONE = Option.valueOf("connectionTimeZone");

    /** r2dbc-postgresql's session time zone, a {@code TimeZone} or its id. */
    private static final Option<Object> POSTGRES_TIME_ZONE = Option.valueOf("timeZone");
    /** r2dbc-mysql's option that sets the session's {@code time_zone} to {@link #CONNECTION_TIME_ZONE}. */
    private static final Option<Object> FORCE_TIME_ZONE_TO_SESSION = Option.valueOf("forceConnectionTimeZoneToSession");

    private final Provider provider;
    private final RawSql.Placeholders placeholders;

    R2dbcDatabase(Provider provider, RawSql.Placeholders placeholders) {
        this.provider = provider;
        this.placeholders = placeholders;
    }

    /**
     * The database of datasources of {@code provider}.
     *
     * @throws IllegalArgumentException when no R2DBC database serves {@code provider}
     */
    public static R2dbcDatabase of(Provider provider) {
        for (R2dbcDatabase database : values()) {
            if (database.provider == provider) {
                return database;
            }
        }
        throw new IllegalArgumentException("The R2DBC adapter serves postgresql and mysql datasources, not "
                + provider.schemaName() + ": use the adapter of that provider");
    }

    /** The schema provider this database serves. */
    public Provider provider() {
        return provider;
    }

    /** How raw SQL marks its arguments. */
    public RawSql.Placeholders placeholders() {
        return placeholders;
    }

    /** A new registry of this database's built-in codecs. */
    public abstract CodecRegistry codecs();

    /**
     * The renderer for {@code schema} on the server behind {@code connection}; it may run a statement
     * there to learn which server it is. Called once per pool, on its first connection.
     */
    public abstract Mono<StatementRenderer> renderer(SchemaMeta schema, Connection connection);

    /** The renderer when it does not depend on the server, or {@code null} when {@link #renderer} must ask it. */
    abstract StatementRenderer fixedRenderer(SchemaMeta schema);

    /** {@code options} with the session settings Refract relies on that they do not set themselves. */
    abstract ConnectionFactoryOptions complete(ConnectionFactoryOptions options);
}
