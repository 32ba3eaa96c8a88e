package dev.refract.cli.migrate;

import dev.refract.codegen.cli.RefractCommand;
import dev.refract.codegen.compiler.DiagnosticSummary;
import dev.refract.mongo.migrate.MongoDeployReport;
import dev.refract.r2dbc.migrate.DeployReport;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/**
 * {@code refract migrate deploy}: applies the pending migrations of each relational and MongoDB
 * datasource, in order.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Applies the pending migrations of each relational and MongoDB datasource (or the one named),"
                + " in order, under a lock that makes concurrent deploys wait for each other.")
public final class MigrateDeployCommand extends MigrationSubcommand {

    /** A command reading datasource URLs from the process's environment. */
    public MigrateDeployCommand() {
        this(System::getenv);
    }

    /** A command reading datasource URLs from {@code environment}. */
    public MigrateDeployCommand(UnaryOperator<String> environment) {
        super(environment);
    }

    @Override
    protected int run(Path schema) {
        forEachHistory(schema, (target, migrations, migrator) -> {
            out().println("Datasource '" + target.datasource().name() + "' (" + target.displayUrl() + "):");
            out().flush();
            DeployReport report = migrator.deploy(migrations).block();
            out().println(report.applied().isEmpty() ? "  up to date: no pending migration."
                    : "  applied " + DiagnosticSummary.plural(report.applied().size(), "migration") + ".");
        }, (target, migrations, migrator) -> {
            out().println("Datasource '" + target.datasource().name() + "' (" + target.displayUrl() + "):");
            out().flush();
            MongoDeployReport report = migrator.deploy(migrations).block();
            out().println(report.applied().isEmpty() ? "  up to date: no pending migration."
                    : "  applied " + DiagnosticSummary.plural(report.applied().size(), "migration") + ".");
        });
        return RefractCommand.SUCCESS;
    }
}
