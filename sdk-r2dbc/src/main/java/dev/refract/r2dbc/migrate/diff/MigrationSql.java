package dev.refract.r2dbc.migrate.diff;

import dev.refract.meta.Provider;
import dev.refract.r2dbc.catalog.Catalog;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one database for the steps of a migration and for counting the rows its hazards
 * touch. Pure: identifiers are quoted by the database's dialect, and the only literals are the
 * schema's own (defaults, enum values), never user data.
 */
public sealed interface MigrationSql permits PostgresMigrationSql, MySqlMigrationSql {

    /**
     * The SQL of the relational database {@code provider} names.
     *
     * @throws IllegalArgumentException for a provider that is not relational
     */
    static MigrationSql of(Provider provider) {
        return switch (provider) {
            case POSTGRESQL -> PostgresMigrationSql.INSTANCE;
            case MYSQL -> MySqlMigrationSql.INSTANCE;
            default -> throw new IllegalArgumentException(provider.schemaName() + " has no SQL migrations;"
                    + " diff only postgresql and mysql datasources");
        };
    }

    /** The statements of {@code step}, without trailing semicolons. */
    default List<String> render(Step step) {
        if (step instanceof Step.DropTable s) {
            return List.of("DROP TABLE " + quote(s.name()));
        }
        if (step instanceof Step.AddColumn s) {
            return List.of("ALTER TABLE " + quote(s.table()) + " ADD COLUMN " + column(s.column()));
        }
        if (step instanceof Step.DropColumn s) {
            return List.of("ALTER TABLE " + quote(s.table()) + " DROP COLUMN " + quote(s.column()));
        }
        if (step instanceof Step.RenameColumn s) {
            return List.of("ALTER TABLE " + quote(s.table()) + " RENAME COLUMN " + quote(s.from()) + " TO "
                    + quote(s.to()));
        }
        return renderOwn(step);
    }

    /** The statements of a step this database writes its own way (every one but those {@link #render} writes alike). */
    List<String> renderOwn(Step step);

    /** {@code name} quoted as this database quotes an identifier. */
    String quote(String name);

    /** The definition of {@code column}, as {@code CREATE TABLE} and {@code ADD COLUMN} write it. */
    String column(Catalog.Column column);

    /** The statements of every step of {@code changes}, in order. */
    default List<String> render(SchemaChanges changes) {
        List<String> statements = new ArrayList<>();
        for (Step step : changes.steps()) {
            statements.addAll(render(step));
        }
        return statements;
    }

    /** {@code statements} as the text of a migration script: each ended by a semicolon and a blank line. */
    static String script(List<String> statements) {
        StringBuilder text = new StringBuilder();
        for (String statement : statements) {
            text.append(statement).append(";\n\n");
        }
        return text.toString();
    }

    /** A query whose one row and column is the number of rows {@code hazard} touches. */
    String count(Hazard hazard);
}
