package dev.refract.cli.db;

import dev.refract.codegen.cli.CommandFailedException;
import dev.refract.codegen.cli.RefractCommand;
import dev.refract.codegen.cli.SchemaSubcommand;
import dev.refract.codegen.compiler.DiagnosticSummary;
import dev.refract.codegen.generate.RuntimeMetadata;
import dev.refract.error.UrlRedaction;
import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.r2dbc.ddl.DbPushRefusedException;
import dev.refract.r2dbc.ddl.PushReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code refract db push}: creates the tables (and enum types) of the schema's relational
 * datasources in empty databases, without a migration history. Read-only datasources and those of
 * other providers are left alone, and said so.
 */
@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Creates the tables of the schema's relational datasources in empty databases, without a"
                + " migration history. Refuses, changing nothing, when a table already exists.")
public final class DbPushCommand extends SchemaSubcommand {

    /** How long one datasource's push may take before the command gives up. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @Option(names = "--datasource", paramLabel = "NAME", description = "Push only this datasource.")
    private String datasource;

    @Option(names = "--url", paramLabel = "URL",
            description = "The R2DBC URL to push to, instead of the schema's (needs --datasource when the schema"
                    + " has several relational datasources).")
    private String url;

    private final UnaryOperator<String> environment;

    /** A command reading datasource URLs from the process's environment. */
    public DbPushCommand() {
        this(System::getenv);
    }

    /** A command reading datasource URLs from {@code environment}. */
    public DbPushCommand(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    @Override
    protected int run(Path schema) {
        SchemaMeta meta = RuntimeMetadata.of(validSchema(schema));
        DatasourceTargets targets = new DatasourceTargets(meta, environment);
        List<DatasourceTargets.Target> selected = targets.select(datasource);
        if (url != null && selected.stream().filter(DatasourceTargets.Target::selected).count() > 1) {
            throw new CommandFailedException("--url names one database, but the schema has several relational"
                    + " datasources: add --datasource NAME.");
        }
        for (DatasourceTargets.Target target : selected) {
            String name = target.datasource().name();
            if (!target.selected()) {
                out().println("Datasource '" + name + "': left alone, " + target.skipped() + ".");
                continue;
            }
            String location = targets.url(target.datasource(), url);
            PushReport report;
            try {
                report = DbPush.push(meta, target.datasource().index(),
                        DatasourceTargets.connections(target.datasource(), location)).block(TIMEOUT);
            } catch (DbPushRefusedException e) {
                throw new CommandFailedException(e.getMessage() + ".", e);
            } catch (RuntimeException e) {
                throw new CommandFailedException("db push of datasource '" + name + "' to "
                        + UrlRedaction.redact(location) + " failed: " + UrlRedaction.redact(String.valueOf(
                                e.getMessage())), e);
            }
            out().println("Datasource '" + name + "' (" + target.datasource().provider().schemaName() + ", "
                    + UrlRedaction.redact(location) + "): created " + count(report.tables().size(), "table")
                    + (report.enumTypes().isEmpty() ? "" : " and " + count(report.enumTypes().size(), "enum type"))
                    + ".");
        }
        out().flush();
        return RefractCommand.SUCCESS;
    }

    private static String count(int n, String noun) {
        return DiagnosticSummary.plural(n, noun);
    }
}
