package dev.refract.cli.db;

import dev.refract.cli.datasource.DatasourceCommand;
import dev.refract.cli.datasource.MongoDatabases;
import dev.refract.mongo.schema.MongoPush;
import dev.refract.codegen.cli.CommandFailedException;
import dev.refract.codegen.cli.RefractCommand;
import dev.refract.codegen.compiler.DiagnosticSummary;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.r2dbc.ddl.DbPushRefusedException;
import dev.refract.r2dbc.ddl.PushReport;
import dev.refract.r2dbc.migrate.diff.MigrationRefusedException;
import dev.refract.r2dbc.migrate.diff.SchemaSync;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code refract db push}: brings the databases of the schema's relational and MongoDB datasources
 * to the schema without a migration history. A MongoDB database gets the collections and indexes the
 * schema asks for, and loses the indexes it no longer has. An empty database gets the schema's tables (and enum types)
 * created; one that has tables is synced through the schema diff, refusing data loss unless
 * accepted, and refusing a database whose schema migrations keep. Read-only datasources and those
 * of other providers are left alone, and said so.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Brings the databases of the schema's relational and MongoDB datasources to the schema without a"
                + " migration history, for prototyping: creates the tables in an empty database, and syncs one that"
                + " has tables through a diff (data loss refused unless --accept-data-loss); creates a MongoDB"
                + " database's collections and indexes, and drops the indexes the schema no longer has.")
public final class DbPushCommand extends DatasourceCommand {

    /** How long one datasource's push may take before the command gives up. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @Option(names = "--accept-data-loss",
            description = "On a database that already has tables, apply changes that drop data it holds.")
    private boolean acceptDataLoss;

    /** A command reading datasource URLs from the process's environment. */
    public DbPushCommand() {
        this(System::getenv);
    }

    /** A command reading datasource URLs from {@code environment}. */
    public DbPushCommand(UnaryOperator<String> environment) {
        super(environment);
    }

    @Override
    protected boolean worksOnMongo() {
        return true;
    }

    @Override
    protected int run(Path schema) {
        forEachDatasource(schema, target -> {
            if (target.isMongo()) {
                pushMongo(target);
                return;
            }
            String name = target.datasource().name();
            PushReport report;
            try {
                report = DbPush.push(target.schema(), target.datasource().index(), target.connections()).block(TIMEOUT);
            } catch (DbPushRefusedException e) {
                sync(target);
                return;
            }
            out().println("Datasource '" + name + "' (" + target.datasource().provider().schemaName() + ", "
                    + target.displayUrl() + "): created " + DiagnosticSummary.plural(report.tables().size(), "table")
                    + (report.enumTypes().isEmpty() ? ""
                            : " and " + DiagnosticSummary.plural(report.enumTypes().size(), "enum type")) + ".");
        });
        return RefractCommand.SUCCESS;
    }

    /** Brings a MongoDB database to the collections and indexes of the schema, saying what it dropped. */
    private void pushMongo(Selected target) {
        dev.refract.mongo.schema.PushReport report = MongoDatabases.with(target, database ->
                MongoPush.push(target.schema(), target.datasource().index(), database).block(TIMEOUT));
        String where = "Datasource '" + target.datasource().name() + "' (mongodb, " + target.displayUrl() + "): ";
        if (report.steps().isEmpty()) {
            out().println(where + "already in sync with the schema.");
            return;
        }
        out().println(where + "created " + DiagnosticSummary.plural(report.createdCollections().size(), "collection")
                + " and " + indexes(report.createdIndexes().size()) + ", dropped "
                + indexes(report.droppedIndexes().size()) + ":");
        report.steps().forEach(step -> out().println("  " + step.describe()));
    }

    private static String indexes(int count) {
        return count + (count == 1 ? " index" : " indexes");
    }

    /** Brings a database that already holds tables to the schema, through the diff. */
    private void sync(Selected target) {
        String name = target.datasource().name();
        SchemaSync.Report report;
        try {
            report = SchemaSync.sync(target.schema(), target.datasource().index(), target.connections(), acceptDataLoss)
                    .block(TIMEOUT);
        } catch (MigrationRefusedException e) {
            throw new CommandFailedException(e.getMessage()
                    + (e.plan().refusals().isEmpty() ? " Run again with --accept-data-loss to push anyway." : ""), e);
        }
        String where = "Datasource '" + name + "' (" + target.datasource().provider().schemaName() + ", "
                + target.displayUrl() + "): ";
        if (report.statements().isEmpty()) {
            out().println(where + "already in sync with the schema.");
            return;
        }
        report.warnings().forEach(warning -> out().println("  data dropped: " + warning.message()));
        out().println(where + "synced with " + DiagnosticSummary.plural(report.statements().size(), "statement") + ":");
        report.statements().forEach(statement -> out().println("  " + statement + ";"));
    }
}
