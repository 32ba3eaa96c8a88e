package dev.refract.r2dbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.Provider;
import dev.refract.test.isolation.TestNamespace;
import io.r2dbc.spi.ConnectionFactories;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The migration commands against a real server, written once and run by {@link PostgresMigrationsIT}
 * and {@link MySqlMigrationsIT}. Each test works in a namespace of its own and writes its
 * migrations into a temporary directory.
 */
abstract class MigrationCommandsContract {

    private static final Duration WAIT = Duration.ofMinutes(2);

    private static final String FIRST = "20240101000001_one";
    private static final String SECOND = "20240101000002_two";
    private static final String THIRD = "20240101000003_three";
    private static final String FOURTH = "20240101000004_four";
    private static final String FIFTH = "20240101000005_five";

    @TempDir
    Path root;

    /** A fresh namespace on the server. */
    abstract TestNamespace namespace(String label);

    abstract String r2dbcUrl(TestNamespace namespace);

    abstract Connection connect(TestNamespace namespace) throws SQLException;

    abstract Provider provider();

    /** A statement that pauses half a second. */
    abstract String pause();

    /** A query for the names of the namespace's tables, views left out. */
    abstract String tables();

    /** Takes the namespace's migration lock on {@code connection}, as another command would hold it. */
    abstract void holdLock(Connection connection) throws SQLException;

    /** A script whose literals, names and comments hold semicolons, and the rows it leaves in {@code notes}. */
    abstract String hostileScript();

    abstract List<String> hostileNotes();

    /** A script that adds objects beside a table a reset must drop too (an enum type, a view, …). */
    abstract String objectsBesideTables();

    /** Whether a failed migration leaves nothing of itself (PostgreSQL) or its applied statements (MySQL). */
    abstract boolean rollsBackFailedMigrations();

    private Migrator migrator(TestNamespace namespace) {
        return Migrator.of(ConnectionFactories.get(r2dbcUrl(namespace)), provider());
    }

    private void write(String migration, String sql) throws IOException {
        Path directory = Files.createDirectories(root.resolve("db").resolve(migration));
        Files.writeString(directory.resolve(MigrationDirectory.SCRIPT), sql);
    }

    private MigrationDirectory read() {
        return MigrationDirectory.read(root, "db");
    }

    private List<String> column(TestNamespace namespace, String sql) throws SQLException {
        try (Connection connection = connect(namespace); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** The namespace's tables, sorted by their names' characters. */
    private List<String> tableNames(TestNamespace namespace) throws SQLException {
        return column(namespace, tables()).stream().sorted().toList();
    }

    private void execute(TestNamespace namespace, String sql) throws SQLException {
        try (Connection connection = connect(namespace); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void fourConcurrentDeploysApplyEveryMigrationOnce() throws Exception {
        try (TestNamespace namespace = namespace("migrate_concurrent")) {
            write(FIRST, "CREATE TABLE deploy_log (migration VARCHAR(20) NOT NULL);\n"
                    + "INSERT INTO deploy_log VALUES ('" + FIRST.substring(0, 14) + "');\n" + pause() + ";\n");
            for (String migration : List.of(SECOND, THIRD, FOURTH, FIFTH)) {
                write(migration, "CREATE TABLE " + migration.substring(15) + " (id INT PRIMARY KEY);\n"
                        + "INSERT INTO deploy_log VALUES ('" + migration.substring(0, 14) + "');\n" + pause() + ";\n");
            }
            MigrationDirectory directory = read();
            List<MigrationEvent> events = Collections.synchronizedList(new ArrayList<>());

            List<DeployReport> reports = Flux.range(0, 4)
                    .flatMap(run -> migrator(namespace).withListener(events::add).deploy(directory))
                    .collectList()
                    .block(WAIT);

            assertThat(reports).hasSize(4);
            assertThat(reports.stream().flatMap(report -> report.applied().stream()))
                    .containsExactlyInAnyOrder(FIRST, SECOND, THIRD, FOURTH, FIFTH);
            assertThat(column(namespace, "SELECT migration FROM deploy_log ORDER BY migration")).containsExactly(
                    "20240101000001", "20240101000002", "20240101000003", "20240101000004", "20240101000005");
            assertThat(column(namespace, "SELECT name FROM _refract_migrations WHERE finished_at IS NOT NULL"
                    + " AND rolled_back_at IS NULL AND applied_steps_count = 3 ORDER BY name"))
                    .containsExactly(FIRST, SECOND, THIRD, FOURTH, FIFTH);
            assertThat(column(namespace, "SELECT COUNT(*) FROM _refract_migrations")).containsExactly("5");
            assertThat(events).filteredOn(MigrationEvent.Started.class::isInstance).hasSize(5);
            assertThat(events).filteredOn(MigrationEvent.Applied.class::isInstance).hasSize(5);
            assertThat(events).as("the runs overlapped, so some waited for the lock")
                    .anyMatch(MigrationEvent.WaitingForLock.class::isInstance);
        }
    }

    @Test
    void theThirdOfFiveFailingIsRecordedAndDeployContinuesOnceFixedAndResolved() throws Exception {
        try (TestNamespace namespace = namespace("migrate_failure")) {
            write(FIRST, "CREATE TABLE one (id INT PRIMARY KEY);");
            write(SECOND, "CREATE TABLE two (id INT PRIMARY KEY);");
            write(THIRD, "CREATE TABLE three (id INT PRIMARY KEY);\n\nINSERT INTO no_such_table VALUES (1);\n");
            write(FOURTH, "CREATE TABLE four (id INT PRIMARY KEY);");
            write(FIFTH, "CREATE TABLE five (id INT PRIMARY KEY);");
            List<MigrationEvent> events = Collections.synchronizedList(new ArrayList<>());
            Migrator migrator = migrator(namespace).withListener(events::add);

            StepVerifier.create(migrator.deploy(read()))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(MigrationFailedException.class)
                                .hasMessageContaining(THIRD).hasMessageContaining("statement 2 (line 3")
                                .hasMessageContaining("no_such_table");
                        MigrationFailedException failure = (MigrationFailedException) error;
                        assertThat(failure.rolledBack()).isEqualTo(rollsBackFailedMigrations());
                        assertThat(failure.appliedSteps()).isEqualTo(rollsBackFailedMigrations() ? 0 : 1);
                    })
                    .verify(WAIT);

            List<String> expectedTables = rollsBackFailedMigrations()
                    ? List.of("_refract_migrations", "one", "two")
                    : List.of("_refract_migrations", "one", "three", "two");
            assertThat(tableNames(namespace)).containsExactlyElementsOf(expectedTables);
            assertThat(column(namespace, "SELECT applied_steps_count FROM _refract_migrations WHERE name = '" + THIRD
                    + "' AND finished_at IS NULL AND rolled_back_at IS NULL"))
                    .containsExactly(rollsBackFailedMigrations() ? "0" : "1");
            assertThat(column(namespace, "SELECT logs FROM _refract_migrations WHERE name = '" + THIRD + "'"))
                    .singleElement().asString().contains("statement 2 (line 3)", "no_such_table");
            assertThat(events).filteredOn(MigrationEvent.Failed.class::isInstance).singleElement()
                    .extracting(event -> ((MigrationEvent.Failed) event).migration()).isEqualTo(THIRD);

            MigrationStatus status = migrator.status(read()).block(WAIT);
            assertThat(status.applied()).extracting(HistoryEntry::name).containsExactly(FIRST, SECOND);
            assertThat(status.failed()).extracting(HistoryEntry::name).containsExactly(THIRD);
            assertThat(status.pending()).extracting(Migration::name).containsExactly(FOURTH, FIFTH);
            assertThat(status.upToDate()).isFalse();

            StepVerifier.create(migrator.deploy(read()))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(UnresolvedMigrationException.class)
                            .hasMessageContaining(THIRD).hasMessageContaining("resolve --rolled-back " + THIRD)
                            .hasMessageContaining("resolve --applied " + THIRD))
                    .verify(WAIT);
            assertThat(tableNames(namespace)).containsExactlyElementsOf(expectedTables);

            write(THIRD, "CREATE TABLE three (id INT PRIMARY KEY);\n\nINSERT INTO three VALUES (1);\n");
            if (!rollsBackFailedMigrations()) {
                execute(namespace, "DROP TABLE three");
            }
            StepVerifier.create(migrator.resolveRolledBack(read(), THIRD)).verifyComplete();
            StepVerifier.create(migrator.deploy(read()))
                    .assertNext(report -> assertThat(report.applied()).containsExactly(THIRD, FOURTH, FIFTH))
                    .verifyComplete();

            assertThat(tableNames(namespace)).containsExactly("_refract_migrations", "five", "four", "one",
                    "three", "two");
            assertThat(column(namespace, "SELECT id FROM three")).containsExactly("1");
            assertThat(migrator.status(read()).block(WAIT).upToDate()).isTrue();
            assertThat(column(namespace, "SELECT COUNT(*) FROM _refract_migrations WHERE name = '" + THIRD
                    + "' AND rolled_back_at IS NOT NULL")).containsExactly("1");
        }
    }

    @Test
    void anEditedAppliedMigrationIsRefusedAndNamed() throws Exception {
        try (TestNamespace namespace = namespace("migrate_edited")) {
            write(FIRST, "CREATE TABLE one (id INT PRIMARY KEY);\n");
            write(SECOND, "CREATE TABLE two (id INT PRIMARY KEY);\n");
            Migrator migrator = migrator(namespace);
            StepVerifier.create(migrator.deploy(read())).expectNextCount(1).verifyComplete();
            String applied = read().find(FIRST).orElseThrow().checksum();

            write(FIRST, "CREATE TABLE one (id INT PRIMARY KEY, name VARCHAR(20));\n");
            write(SECOND, "CREATE TABLE two (id INT PRIMARY KEY);\r\n");
            write(THIRD, "CREATE TABLE three (id INT PRIMARY KEY);\n");
            String edited = read().find(FIRST).orElseThrow().checksum();

            StepVerifier.create(migrator.deploy(read()))
                    .expectErrorSatisfies(error -> {
                        assertThat(error).isInstanceOf(EditedMigrationException.class)
                                .hasMessageContaining(FIRST).hasMessageContaining(applied).hasMessageContaining(edited)
                                .hasMessageNotContaining(SECOND);
                        assertThat(((EditedMigrationException) error).edited()).singleElement()
                                .isEqualTo(new EditedMigration(FIRST, read().find(FIRST).orElseThrow().script(),
                                        applied, edited));
                    })
                    .verify(WAIT);
            assertThat(tableNames(namespace)).as("nothing applied").containsExactly("_refract_migrations",
                    "one", "two");
            assertThat(migrator.status(read()).block(WAIT).edited()).extracting(EditedMigration::name)
                    .containsExactly(FIRST);
        }
    }

    @Test
    void resolveAppliedRecordsWorkDoneByHand() throws Exception {
        try (TestNamespace namespace = namespace("migrate_resolve")) {
            write(FIRST, "CREATE TABLE one (id INT PRIMARY KEY);\nINSERT INTO no_such_table VALUES (1);\n");
            write(SECOND, "CREATE TABLE two (id INT PRIMARY KEY);\n");
            Migrator migrator = migrator(namespace);
            StepVerifier.create(migrator.deploy(read())).expectError(MigrationFailedException.class).verify(WAIT);
            StepVerifier.create(migrator.resolveRolledBack(read(), SECOND))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ResolveRefusedException.class)
                            .hasMessageContaining(SECOND).hasMessageContaining("the failed one is " + FIRST))
                    .verify(WAIT);

            if (rollsBackFailedMigrations()) {
                execute(namespace, "CREATE TABLE one (id INT PRIMARY KEY)");
            }
            StepVerifier.create(migrator.resolveApplied(read(), FIRST)).verifyComplete();
            StepVerifier.create(migrator.resolveApplied(read(), FIRST))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(ResolveRefusedException.class)
                            .hasMessageContaining(FIRST).hasMessageContaining("applied already"))
                    .verify(WAIT);
            StepVerifier.create(migrator.resolveApplied(read(), "20240101000009_nowhere"))
                    .expectError(MigrationDirectoryException.class).verify(WAIT);

            StepVerifier.create(migrator.deploy(read()))
                    .assertNext(report -> assertThat(report.applied()).containsExactly(SECOND))
                    .verifyComplete();
            assertThat(migrator.status(read()).block(WAIT).upToDate()).isTrue();
        }
    }

    @Test
    void resetDropsEverythingAndAppliesEveryMigrationAgain() throws Exception {
        try (TestNamespace namespace = namespace("migrate_reset")) {
            write(FIRST, "CREATE TABLE one (id INT PRIMARY KEY);\n" + objectsBesideTables());
            write(SECOND, "CREATE TABLE two (id INT PRIMARY KEY, one_id INT,"
                    + " FOREIGN KEY (one_id) REFERENCES one (id));\n");
            Migrator migrator = migrator(namespace);
            StepVerifier.create(migrator.deploy(read())).expectNextCount(1).verifyComplete();
            execute(namespace, "INSERT INTO one VALUES (1)");
            execute(namespace, "INSERT INTO two VALUES (1, 1)");
            execute(namespace, "CREATE TABLE stray (id INT)");

            StepVerifier.create(migrator.reset(read(), false))
                    .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("--force"))
                    .verify(WAIT);
            assertThat(column(namespace, "SELECT COUNT(*) FROM one")).containsExactly("1");

            StepVerifier.create(migrator.reset(read(), true))
                    .assertNext(report -> {
                        assertThat(report.dropped()).anySatisfy(dropped -> assertThat(dropped).contains("stray"));
                        assertThat(report.deploy().applied()).containsExactly(FIRST, SECOND);
                    })
                    .verifyComplete();
            assertThat(tableNames(namespace)).containsExactly("_refract_migrations", "one", "two");
            assertThat(column(namespace, "SELECT COUNT(*) FROM one")).containsExactly("0");
            assertThat(column(namespace, "SELECT COUNT(*) FROM _refract_migrations")).containsExactly("2");
        }
    }

    @Test
    void aHeldLockMakesDeployWaitAndGiveUpNamingTheLock() throws Exception {
        try (TestNamespace namespace = namespace("migrate_lock")) {
            write(FIRST, "CREATE TABLE one (id INT PRIMARY KEY);\n");
            List<MigrationEvent> events = Collections.synchronizedList(new ArrayList<>());
            Migrator migrator = migrator(namespace).withListener(events::add).withLockTimeout(Duration.ofSeconds(1));
            try (Connection other = connect(namespace)) {
                holdLock(other);
                StepVerifier.create(migrator.deploy(read()))
                        .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(MigrationLockException.class)
                                .hasMessageContaining(((MigrationLockException) error).lock())
                                .hasMessageContaining("another `refract migrate` command holds it"))
                        .verify(WAIT);
            }
            assertThat(events).singleElement().isInstanceOf(MigrationEvent.WaitingForLock.class);
            StepVerifier.create(migrator.deploy(read()))
                    .assertNext(report -> assertThat(report.applied()).containsExactly(FIRST))
                    .verifyComplete();
        }
    }

    @Test
    void semicolonsInsideLiteralsNamesAndCommentsDoNotSplitStatements() throws Exception {
        try (TestNamespace namespace = namespace("migrate_hostile")) {
            write(FIRST, hostileScript());
            StepVerifier.create(migrator(namespace).deploy(read())).expectNextCount(1).verifyComplete();
            assertThat(column(namespace, "SELECT body FROM notes"))
                    .containsExactlyInAnyOrderElementsOf(hostileNotes());
        }
    }

    @Test
    void statusOfADatabaseWithoutHistoryWritesNothing() throws Exception {
        try (TestNamespace namespace = namespace("migrate_status")) {
            write(FIRST, "CREATE TABLE one (id INT PRIMARY KEY);\n");
            MigrationStatus status = migrator(namespace).status(read()).block(WAIT);
            assertThat(status.pending()).extracting(Migration::name).containsExactly(FIRST);
            assertThat(status.drift()).isInstanceOf(Drift.NotChecked.class);
            assertThat(tableNames(namespace)).isEmpty();

            MigrationStatus checked = migrator(namespace)
                    .status(read(), applied -> Flux.just("table \"stray\" is not in the history").collectList())
                    .block(WAIT);
            assertThat(checked.drift()).isEqualTo(new Drift.Found(List.of("table \"stray\" is not in the history")));
        }
    }
}
