package dev.refract.r2dbc.migrate.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.meta.Provider;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.catalog.Catalog;
import dev.refract.r2dbc.catalog.CatalogReader;
import dev.refract.r2dbc.catalog.DesiredCatalog;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.r2dbc.ddl.GeneratedSchemaMeta;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Walks a schema through thirteen evolutions on one database (add a model, an optional field,
 * required fields with defaults, renames by {@code @map}/{@code @@map}, a relation, an index and a
 * compound unique key, an enum value added, one removed, a field with data dropped, a field made
 * optional, a many-to-many, a model with rows dropped): each time the live catalog is diffed against
 * the schema's desired catalog, the plan weighed against the live rows and applied, and the result
 * compared with the catalog of a fresh namespace where {@code db push} created the same schema. The
 * data written on the way survives every step that keeps it.
 */
abstract class SchemaEvolutionWalk {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** The database of the walk. */
    abstract Provider provider();

    /** Connections to the namespace the walk migrates. */
    abstract ConnectionFactory live();

    /** Pushes {@code schema} into a fresh namespace, reads its catalog and drops the namespace. */
    abstract Catalog pushedIntoAFreshNamespace(SchemaMeta schema);

    /** Runs {@code sql} on the live namespace over JDBC. */
    abstract void execute(String sql) throws SQLException;

    /** The one number {@code sql} selects from the live namespace. */
    abstract long number(String sql) throws SQLException;

    /** {@code name} quoted as an identifier of the database. */
    abstract String quote(String name);

    @Test
    void walksTheSchemaThroughEveryEvolutionAsAFreshPushWouldCreateIt() throws SQLException {
        SchemaMeta v1 = evolve(null, "01-users");
        execute("INSERT INTO " + quote("User") + " (email, name) VALUES ('ada@example.com', 'Ada'),"
                + " ('grace@example.com', 'Grace')");

        SchemaMeta v2 = evolve(v1, "02-add-model");
        SchemaMeta v3 = evolve(v2, "03-add-optional-field");
        execute("UPDATE " + quote("User") + " SET bio = 'wrote it down'");
        execute("INSERT INTO " + quote("Post") + " (title) VALUES ('Notes')");

        SchemaMeta v4 = evolve(v3, "04-add-required-field-with-default");
        assertThat(number("SELECT COUNT(*) FROM " + quote("User") + " WHERE active = true")).isEqualTo(2);
        assertThat(number("SELECT SUM(views) FROM " + quote("Post"))).isZero();

        MigrationPlan renames = plan(v4, "05-rename-by-map", false);
        assertThat(renames.statements()).anyMatch(sql -> sql.contains("RENAME")).noneMatch(sql -> sql.contains("DROP"));
        SchemaMeta v5 = apply(renames, "05-rename-by-map");
        assertThat(number("SELECT COUNT(*) FROM " + quote("User") + " WHERE display_name = 'Ada'")).isEqualTo(1);
        assertThat(number("SELECT COUNT(*) FROM posts WHERE headline = 'Notes'")).isEqualTo(1);

        SchemaMeta v6 = evolve(v5, "06-add-relation");
        execute("UPDATE posts SET " + quote("authorId") + " = (SELECT MIN(id) FROM " + quote("User") + ")");
        SchemaMeta v7 = evolve(v6, "07-add-index");
        SchemaMeta v8 = evolve(v7, "08-add-enum-value");

        execute("UPDATE " + quote("User") + " SET role = 'AUTHOR' WHERE email = 'ada@example.com'");
        MigrationPlan inUse = plan(v8, "09-remove-enum-value", false);
        assertThat(inUse.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.hazard()).isInstanceOf(Hazard.RemovedEnumValues.class);
            assertThat(warning.rows()).isEqualTo(1);
            assertThat(warning.message()).contains("[AUTHOR]", "User", "role");
        });
        assertThatThrownBy(inUse::requireApplicable).isInstanceOf(MigrationRefusedException.class)
                .hasMessageContaining("[AUTHOR]").hasMessageContaining("--accept-data-loss");
        execute("UPDATE " + quote("User") + " SET role = 'READER' WHERE email = 'ada@example.com'");
        SchemaMeta v9 = evolve(v8, "09-remove-enum-value");
        execute("INSERT INTO " + quote("User") + " (email, display_name) VALUES ('linus@example.com', 'Linus')");
        assertThat(number("SELECT COUNT(*) FROM " + quote("User") + " WHERE role = 'GUEST'")).isEqualTo(1);

        MigrationPlan dropsData = plan(v9, "10-drop-field", false);
        assertThat(dropsData.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.hazard()).isEqualTo(new Hazard.DroppedColumn("User", "bio"));
            assertThat(warning.rows()).isEqualTo(2);
        });
        assertThat(dropsData.applicable()).isFalse();
        assertThatThrownBy(dropsData::requireApplicable).isInstanceOf(MigrationRefusedException.class)
                .hasMessageContaining("Column bio of table User is dropped, and with it its 2 non-null values");
        assertThat(number("SELECT COUNT(*) FROM " + quote("User") + " WHERE bio IS NOT NULL")).isEqualTo(2);
        MigrationPlan accepted = plan(v9, "10-drop-field", true);
        assertThat(accepted.warnings()).hasSize(1);
        SchemaMeta v10 = apply(accepted, "10-drop-field");

        SchemaMeta v11 = evolve(v10, "11-make-optional");
        execute("INSERT INTO " + quote("User") + " (email) VALUES ('anonymous@example.com')");

        SchemaMeta v12 = evolve(v11, "12-add-many-to-many");
        execute("INSERT INTO " + quote("Tag") + " (label) VALUES ('history')");
        execute("INSERT INTO " + quote("_PostToTag") + " (" + quote("A") + ", " + quote("B") + ") SELECT p.id, t.id"
                + " FROM posts p, " + quote("Tag") + " t");

        MigrationPlan dropsModel = plan(v12, "13-drop-model", false);
        assertThat(dropsModel.warnings()).extracting(DataLossWarning::message).containsExactlyInAnyOrder(
                "Table Tag is dropped, and with it its 1 row.", "Table _PostToTag is dropped, and with it its 1 row.");
        SchemaMeta v13 = apply(plan(v12, "13-drop-model", true), "13-drop-model");

        MigrationPlan required = plan(v13, "required-field-without-default", true);
        assertThat(required.applicable()).isFalse();
        assertThat(required.refusals()).singleElement().extracting(DataLossWarning::message).asString()
                .contains("required column age to table User", "4 rows", "@default(...)", "optional first");
        assertThatThrownBy(required::requireApplicable).isInstanceOf(MigrationRefusedException.class)
                .hasMessageContaining("age");
        assertThat(number("SELECT COUNT(*) FROM posts WHERE headline = 'Notes' AND " + quote("authorId")
                + " IS NOT NULL")).isEqualTo(1);
    }

    /** Migrates the live namespace from {@code previous} to the schema of {@code step}, which loses no data. */
    private SchemaMeta evolve(SchemaMeta previous, String step) {
        MigrationPlan plan = plan(previous, step, false);
        assertThat(plan.warnings()).as("warnings of %s", step).isEmpty();
        return apply(plan, step);
    }

    private MigrationPlan plan(SchemaMeta previous, String step, boolean acceptDataLoss) {
        SchemaMeta next = schema(step);
        Catalog current = CatalogReader.read(live(), provider()).block(TIMEOUT);
        SchemaChanges migration = SchemaDiff.between(current, DesiredCatalog.of(next, 0),
                previous == null ? Renames.NONE : Renames.between(previous, next, 0));
        assertThat(migration.isEmpty()).as("changes of %s", step).isFalse();
        return MigrationPlanner.plan(migration, MigrationSql.of(provider()), live(), acceptDataLoss).block(TIMEOUT);
    }

    /**
     * Runs {@code plan} on the live namespace, then checks that it now has the catalog a fresh push of
     * the step's schema has, which is the schema's desired catalog, so that diffing again finds nothing.
     */
    private SchemaMeta apply(MigrationPlan plan, String step) {
        plan.requireApplicable();
        Mono.usingWhen(live().create(), connection -> Flux.fromIterable(plan.statements())
                        .concatMap(sql -> Flux.from(connection.createStatement(sql).execute())
                                .concatMap(Result::getRowsUpdated))
                        .then(), Connection::close)
                .block(TIMEOUT);
        SchemaMeta schema = schema(step);
        Catalog desired = DesiredCatalog.of(schema, 0);
        Catalog migrated = CatalogReader.read(live(), provider()).block(TIMEOUT);
        Catalog pushed = pushedIntoAFreshNamespace(schema);
        assertThat(migrated.ignoringColumnOrder()).as("catalog after %s:\n%s", step, plan.script())
                .isEqualTo(pushed.ignoringColumnOrder());
        assertThat(pushed).as("pushed catalog of %s", step).isEqualTo(desired);
        assertThat(SchemaDiff.between(migrated, desired, Renames.NONE).steps()).as("diff after %s", step).isEmpty();
        return schema;
    }

    /** Pushes {@code schema} through {@code connections}, which reach an empty namespace. */
    static void push(SchemaMeta schema, ConnectionFactory connections) {
        DbPush.push(schema, 0, connections).block(TIMEOUT);
    }

    /** Reads the catalog of the namespace {@code connections} reach. */
    Catalog read(ConnectionFactory connections) {
        return CatalogReader.read(connections, provider()).block(TIMEOUT);
    }

    /** The metadata of the evolution step {@code step}, on this walk's database. */
    private SchemaMeta schema(String step) {
        String file = "src/test/resources/migrations/evolution/" + step + ".prisma";
        try {
            String text = Files.readString(Path.of(file));
            Path copy = Files.createTempFile("refract-evolution-" + step, ".prisma");
            Files.writeString(copy, text.replace("provider = \"postgresql\"",
                    "provider = \"" + provider().schemaName() + "\""));
            return GeneratedSchemaMeta.of(copy.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the evolution step " + file, e);
        }
    }
}
