package dev.refract.cli.migrate;

import dev.refract.cli.datasource.MongoDatabases;
import dev.refract.codegen.cli.CommandFailedException;
import dev.refract.codegen.cli.RefractCommand;
import dev.refract.codegen.compiler.CheckResult;
import dev.refract.codegen.compiler.DiagnosticSummary;
import dev.refract.codegen.compiler.GenerateResult;
import dev.refract.codegen.compiler.SchemaCompiler;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.generate.RuntimeMetadata;
import dev.refract.meta.SchemaMeta;
import dev.refract.mongo.migrate.MigrationFile;
import dev.refract.mongo.migrate.MongoMigrationDirectory;
import dev.refract.mongo.schema.DesiredSchema;
import dev.refract.mongo.schema.SchemaStep;
import dev.refract.r2dbc.catalog.Catalog;
import dev.refract.r2dbc.catalog.DesiredCatalog;
import dev.refract.r2dbc.migrate.Migration;
import dev.refract.r2dbc.migrate.MigrationDirectory;
import dev.refract.r2dbc.migrate.diff.DataLossWarning;
import dev.refract.r2dbc.migrate.diff.HistoryReplay;
import dev.refract.r2dbc.migrate.diff.MigrationPlan;
import dev.refract.r2dbc.migrate.diff.MigrationPlanner;
import dev.refract.r2dbc.migrate.diff.MigrationRefusedException;
import dev.refract.r2dbc.migrate.diff.MigrationSql;
import dev.refract.r2dbc.migrate.diff.Renames;
import dev.refract.r2dbc.migrate.diff.SchemaChanges;
import dev.refract.r2dbc.migrate.diff.SchemaDiff;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code refract migrate dev}: the development loop. Applies what is pending, diffs the schema
 * against what the migrations make (replayed in a shadow namespace), writes the difference as a new
 * migration, applies it, and regenerates the client. Each migration keeps a copy of the schema it
 * was made from, so that the next diff knows which models and fields were renamed with {@code @map}.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Writes the difference between the schema and the migrations as a new migration, applies it"
                + " to the development database and regenerates the client.")
public final class MigrateDevCommand extends MigrationSubcommand {

    /** The copy of the schema kept with each migration. */
    static final String SNAPSHOT = "schema.prisma";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    @Option(names = "--name", paramLabel = "NAME", required = true,
            description = "What the migration does, in letters, digits, '_' and '-', e.g. add_orders.")
    private String name;

    @Option(names = "--create-only", description = "Write the migration without applying it.")
    private boolean createOnly;

    @Option(names = "--accept-data-loss", description = "Apply changes that drop data the database holds.")
    private boolean acceptDataLoss;

    private final Clock clock;

    /** A command reading URLs from the process's environment, timing migrations by the system clock. */
    public MigrateDevCommand() {
        this(System::getenv, Clock.systemUTC());
    }

    /** A command reading URLs from {@code environment} and timing migrations by {@code clock}. */
    public MigrateDevCommand(UnaryOperator<String> environment, Clock clock) {
        super(environment);
        this.clock = clock;
    }

    @Override
    protected int run(Path schema) {
        if (!NAME.matcher(name).matches()) {
            throw new CommandFailedException("The migration name \"" + name + "\" may hold only letters, digits, '_'"
                    + " and '-': e.g. --name add_orders.");
        }
        String schemaText = read(schema);
        boolean[] written = {false};
        forEachDatasource(schema, target -> {
            if (target.isMongo()) {
                written[0] |= devMongo(target, schema.getParent().resolve(MIGRATIONS), schemaText);
                return;
            }
            String datasource = target.datasource().name();
            Path root = schema.getParent().resolve(MIGRATIONS);
            MigrationDirectory existing = Files.isDirectory(root.resolve(datasource))
                    ? MigrationDirectory.read(root, datasource)
                    : new MigrationDirectory(datasource, root.resolve(datasource), List.of());
            out().println("Datasource '" + datasource + "' (" + target.displayUrl() + "):");
            out().flush();
            if (!createOnly && !existing.migrations().isEmpty()) {
                migrator(target).deploy(existing).block();
            }
            Catalog history = new HistoryReplay(ConnectionFactoryOptions.parse(target.url()),
                    target.datasource().provider(), target.connections()).replay(existing).block();
            SchemaMeta next = target.schema();
            int index = target.datasource().index();
            Renames renames = previousSchema(existing).map(previous -> Renames.between(previous, next, index))
                    .orElse(Renames.NONE);
            SchemaChanges changes = SchemaDiff.between(history, DesiredCatalog.of(next, index), renames);
            if (changes.isEmpty()) {
                out().println("  in sync with its migrations: no migration written.");
                return;
            }
            MigrationPlan plan = MigrationPlanner.plan(changes, MigrationSql.of(target.datasource().provider()),
                    target.connections(), acceptDataLoss).block();
            for (DataLossWarning warning : plan.warnings()) {
                out().println("  warning: " + warning.message());
            }
            try {
                plan.requireApplicable();
            } catch (MigrationRefusedException e) {
                throw new CommandFailedException(e.getMessage()
                        + (plan.refusals().isEmpty() ? " Run again with --accept-data-loss to apply it anyway." : ""), e);
            }
            Path directory = root.resolve(datasource).resolve(timestamp(existing) + "_" + name);
            write(directory.resolve(MigrationDirectory.SCRIPT), plan.script());
            write(directory.resolve(SNAPSHOT), schemaText);
            written[0] = true;
            out().println("  wrote " + display(directory.resolve(MigrationDirectory.SCRIPT)) + " ("
                    + plan.statements().size() + (plan.statements().size() == 1 ? " statement)" : " statements)"));
            if (!createOnly) {
                migrator(target).deploy(MigrationDirectory.read(root, datasource)).block();
            }
        });
        if (written[0] && !createOnly) {
            regenerate(schema);
        }
        return RefractCommand.SUCCESS;
    }

    /**
     * {@code migrate dev} of a MongoDB datasource: applies what is pending, diffs the schema's
     * collections and indexes against what the migrations make (their steps replayed, no shadow
     * database needed), writes the difference as a {@code migration.json} and applies it.
     *
     * @return whether a migration was written
     */
    private boolean devMongo(Selected target, Path root, String schemaText) {
        String datasource = target.datasource().name();
        MongoMigrationDirectory existing = MongoMigrationDirectory.read(root, datasource);
        out().println("Datasource '" + datasource + "' (" + target.displayUrl() + "):");
        out().flush();
        return MongoDatabases.with(target, database -> {
            if (!createOnly && !existing.migrations().isEmpty()) {
                mongoMigrator(database).deploy(existing).block();
            }
            List<SchemaStep> steps = dev.refract.mongo.schema.SchemaDiff.between(existing.replay(),
                    DesiredSchema.of(target.schema(), target.datasource().index()));
            if (steps.isEmpty()) {
                out().println("  in sync with its migrations: no migration written.");
                return false;
            }
            Path directory = root.resolve(datasource).resolve(timestamp(existing.migrations().isEmpty() ? null
                    : existing.migrations().get(existing.migrations().size() - 1).name()) + "_" + name);
            write(directory.resolve(MigrationFile.NAME), MigrationFile.write(steps));
            write(directory.resolve(SNAPSHOT), schemaText);
            out().println("  wrote " + display(directory.resolve(MigrationFile.NAME)) + " ("
                    + DiagnosticSummary.plural(steps.size(), "step") + ")");
            if (!createOnly) {
                mongoMigrator(database).deploy(MongoMigrationDirectory.read(root, datasource)).block();
            }
            return true;
        });
    }

    /** The schema the last migration was made from, when it kept a copy that still reads. */
    private Optional<SchemaMeta> previousSchema(MigrationDirectory existing) {
        for (int i = existing.migrations().size() - 1; i >= 0; i--) {
            Migration migration = existing.migrations().get(i);
            Path snapshot = migration.script().resolveSibling(SNAPSHOT);
            if (Files.isRegularFile(snapshot)) {
                CheckResult check = new SchemaCompiler(this::display).check(snapshot);
                return check.hasErrors() ? Optional.empty() : Optional.of(RuntimeMetadata.of(check.definition()));
            }
        }
        return Optional.empty();
    }

    /** Now, as a migration timestamp, later than every migration's so far. */
    private String timestamp(MigrationDirectory existing) {
        return timestamp(existing.migrations().isEmpty() ? null
                : existing.migrations().get(existing.migrations().size() - 1).name());
    }

    /** Now, as a migration timestamp, later than that of the migration {@code lastName} (when not null). */
    private String timestamp(String lastName) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).withNano(0);
        if (lastName != null) {
            String last = lastName.substring(0, 14);
            LocalDateTime previous = LocalDateTime.parse(last, TIMESTAMP);
            if (!now.isAfter(previous)) {
                now = previous.plusSeconds(1);
            }
        }
        return TIMESTAMP.format(now);
    }

    private void regenerate(Path schema) {
        SchemaDefinition definition = validSchema(schema);
        if (definition.generator() == null || definition.generator().output() == null) {
            out().println("Regenerate the client with your build (the Maven plugin, or refract generate --out DIR):"
                    + " the generator block has no output.");
            return;
        }
        GenerateResult result = new SchemaCompiler(this::display).generate(schema, null);
        out().println("Regenerated the client in " + display(result.outputDirectory()) + " (" + result.written().size()
                + " files written).");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new CommandFailedException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
