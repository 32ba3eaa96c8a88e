package dev.refract.cli.db;

import dev.refract.cli.datasource.DatasourceCommand;
import dev.refract.codegen.cli.CommandFailedException;
import dev.refract.codegen.cli.RefractCommand;
import dev.refract.codegen.compiler.DiagnosticSummary;
import dev.refract.error.UrlRedaction;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.r2dbc.ddl.DbPushRefusedException;
import dev.refract.r2dbc.ddl.PushReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;

/**
 * {@code refract db push}: creates the tables (and enum types) of the schema's relational
 * datasources in empty databases, without a migration history. Read-only datasources and those of
 * other providers are left alone, and said so.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Creates the tables of the schema's relational datasources in empty databases, without a"
                + " migration history. Refuses, changing nothing, when a table already exists.")
public final class DbPushCommand extends DatasourceCommand {

    /** How long one datasource's push may take before the command gives up. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    /** A command reading datasource URLs from the process's environment. */
    public DbPushCommand() {
        this(System::getenv);
    }

    /** A command reading datasource URLs from {@code environment}. */
    public DbPushCommand(UnaryOperator<String> environment) {
        super(environment);
    }

    @Override
    protected int run(Path schema) {
        forEachDatasource(schema, target -> {
            String name = target.datasource().name();
            PushReport report;
            try {
                report = DbPush.push(target.schema(), target.datasource().index(), target.connections()).block(TIMEOUT);
            } catch (DbPushRefusedException e) {
                throw new CommandFailedException(e.getMessage() + ".", e);
            } catch (RuntimeException e) {
                throw new CommandFailedException("db push of datasource '" + name + "' to " + target.displayUrl()
                        + " failed: " + UrlRedaction.redact(String.valueOf(e.getMessage())), e);
            }
            out().println("Datasource '" + name + "' (" + target.datasource().provider().schemaName() + ", "
                    + target.displayUrl() + "): created " + DiagnosticSummary.plural(report.tables().size(), "table")
                    + (report.enumTypes().isEmpty() ? ""
                            : " and " + DiagnosticSummary.plural(report.enumTypes().size(), "enum type")) + ".");
        });
        return RefractCommand.SUCCESS;
    }
}
