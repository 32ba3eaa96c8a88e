package dev.refract.cli.migrate;

import dev.refract.cli.datasource.MongoDatabases;
import dev.refract.codegen.cli.CommandFailedException;
import dev.refract.codegen.cli.RefractCommand;
import dev.refract.codegen.compiler.CheckResult;
import dev.refract.codegen.compiler.SchemaCompiler;
import dev.refract.codegen.generate.RuntimeMetadata;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.SchemaMeta;
import dev.refract.mongo.migrate.MigrationFile;
import dev.refract.mongo.migrate.MongoMigrationDirectory;
import dev.refract.mongo.schema.DatabaseSchema;
import dev.refract.mongo.schema.DesiredSchema;
import dev.refract.mongo.schema.SchemaReader;
import dev.refract.mongo.schema.SchemaStep;
import dev.refract.r2dbc.catalog.Catalog;
import dev.refract.r2dbc.catalog.CatalogReader;
import dev.refract.r2dbc.catalog.DesiredCatalog;
import dev.refract.r2dbc.migrate.MigrationDirectory;
import dev.refract.r2dbc.migrate.diff.HistoryReplay;
import dev.refract.r2dbc.migrate.diff.MigrationSql;
import dev.refract.r2dbc.migrate.diff.Renames;
import dev.refract.r2dbc.migrate.diff.SchemaChanges;
import dev.refract.r2dbc.migrate.diff.SchemaDiff;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code refract migrate diff}: the SQL that takes one state of a datasource's database to another,
 * each state being nothing, a schema file, what the migrations make, or the live database. Prints
 * the script and changes nothing. For a MongoDB datasource it prints the steps of a
 * {@code migration.json} instead.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Prints the SQL that takes one state of a datasource's database to another, changing nothing."
                + " A state is empty, schema (the --schema file), schema:FILE (another schema file), migrations (what"
                + " the migrations make, replayed in a shadow namespace) or database (what the database holds).")
public final class MigrateDiffCommand extends MigrationSubcommand {

    @Option(names = "--from", paramLabel = "STATE", required = true,
            description = "Where to start: empty, schema, schema:FILE, migrations or database.")
    private String from;

    @Option(names = "--to", paramLabel = "STATE", defaultValue = "schema",
            description = "Where to end (default: schema): empty, schema, schema:FILE, migrations or database.")
    private String to;

    @Option(names = "--exit-code",
            description = "Exit with 2 when there is a difference, 0 when there is none (1 stays an error).")
    private boolean exitCode;

    /** A command reading URLs from the process's environment. */
    public MigrateDiffCommand() {
        this(System::getenv);
    }

    /** A command reading URLs from {@code environment}. */
    public MigrateDiffCommand(UnaryOperator<String> environment) {
        super(environment);
    }

    @Override
    protected boolean onOneDatasource() {
        return true;
    }

    /** One end of the diff: its catalog, and the schema it comes from when it is a schema. */
    private record State(Catalog catalog, SchemaMeta schema) {
    }

    @Override
    protected int run(Path schema) {
        boolean[] different = {false};
        forEachDatasource(schema, target -> {
            if (target.isMongo()) {
                different[0] |= diffMongo(schema, target);
                return;
            }
            State start = state(from, schema, target);
            State end = state(to, schema, target);
            Renames renames = start.schema() != null && end.schema() != null
                    ? Renames.between(start.schema(), end.schema(), index(end.schema(), target.datasource()))
                    : Renames.NONE;
            SchemaChanges changes = SchemaDiff.between(start.catalog(), end.catalog(), renames);
            if (changes.isEmpty()) {
                out().println("-- " + from + " and " + to + " of datasource '" + target.datasource().name()
                        + "' are the same: nothing to do.");
                return;
            }
            different[0] = true;
            out().println("-- from " + from + " to " + to + " of datasource '" + target.datasource().name() + "' ("
                    + target.datasource().provider().schemaName() + ")");
            out().print(MigrationSql.script(MigrationSql.of(target.datasource().provider()).render(changes)));
        });
        return exitCode && different[0] ? 2 : RefractCommand.SUCCESS;
    }

    /** The diff of a MongoDB datasource, printed as the steps of a {@code migration.json}; true when there is one. */
    private boolean diffMongo(Path schema, Selected target) {
        DatabaseSchema start = mongoState(from, schema, target);
        DatabaseSchema end = mongoState(to, schema, target);
        List<SchemaStep> steps = dev.refract.mongo.schema.SchemaDiff.between(start, end);
        if (steps.isEmpty()) {
            out().println("// " + from + " and " + to + " of datasource '" + target.datasource().name()
                    + "' are the same: nothing to do.");
            return false;
        }
        out().println("// from " + from + " to " + to + " of datasource '" + target.datasource().name()
                + "' (mongodb)");
        out().print(MigrationFile.write(steps));
        return true;
    }

    private DatabaseSchema mongoState(String name, Path schema, Selected target) {
        DatasourceMeta datasource = target.datasource();
        if (name.equals("empty")) {
            return DatabaseSchema.EMPTY;
        }
        if (name.equals("schema")) {
            return DesiredSchema.of(target.schema(), datasource.index());
        }
        if (name.startsWith("schema:")) {
            SchemaMeta other = otherSchema(name);
            return DesiredSchema.of(other, index(other, datasource));
        }
        if (name.equals("migrations")) {
            return MongoMigrationDirectory.read(schema.getParent().resolve(MIGRATIONS), datasource.name()).replay();
        }
        if (name.equals("database")) {
            return MongoDatabases.with(target, database -> SchemaReader.read(database).block());
        }
        throw new CommandFailedException("\"" + name + "\" is no state to diff: use empty, schema, schema:FILE,"
                + " migrations or database.");
    }

    /** The metadata of the schema file a {@code schema:FILE} state names. */
    private SchemaMeta otherSchema(String name) {
        Path file = root().workingDirectory().resolve(name.substring("schema:".length())).normalize();
        if (!Files.isRegularFile(file)) {
            throw new CommandFailedException("No schema file " + display(file) + " (given as " + name + ").");
        }
        CheckResult check = new SchemaCompiler(this::display).check(file);
        if (check.hasErrors()) {
            throw new CommandFailedException("The schema " + display(file) + " is not valid: run refract validate"
                    + " --schema " + display(file) + " to see why.");
        }
        return RuntimeMetadata.of(check.definition());
    }

    private State state(String name, Path schema, Selected target) {
        DatasourceMeta datasource = target.datasource();
        if (name.equals("empty")) {
            return new State(Catalog.EMPTY, null);
        }
        if (name.equals("schema")) {
            return new State(DesiredCatalog.of(target.schema(), datasource.index()), target.schema());
        }
        if (name.startsWith("schema:")) {
            SchemaMeta other = otherSchema(name);
            return new State(DesiredCatalog.of(other, index(other, datasource)), other);
        }
        if (name.equals("migrations")) {
            Path root = schema.getParent().resolve(MIGRATIONS);
            MigrationDirectory migrations = Files.isDirectory(root.resolve(datasource.name()))
                    ? MigrationDirectory.read(root, datasource.name())
                    : new MigrationDirectory(datasource.name(), root.resolve(datasource.name()), List.of());
            return new State(new HistoryReplay(ConnectionFactoryOptions.parse(target.url()), datasource.provider(),
                    target.connections()).replay(migrations).block(), null);
        }
        if (name.equals("database")) {
            return new State(HistoryReplay.withoutHistoryTable(
                    CatalogReader.read(target.connections(), datasource.provider()).block()), null);
        }
        throw new CommandFailedException("\"" + name + "\" is no state to diff: use empty, schema, schema:FILE,"
                + " migrations or database.");
    }

    /** The index of {@code datasource} (by name) in {@code schema}. */
    private static int index(SchemaMeta schema, DatasourceMeta datasource) {
        for (DatasourceMeta candidate : schema.datasources()) {
            if (candidate.name().equals(datasource.name())) {
                return candidate.index();
            }
        }
        throw new CommandFailedException("The other schema has no datasource '" + datasource.name() + "' to diff.");
    }
}
