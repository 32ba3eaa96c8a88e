package dev.refract.cli.migrate;

import dev.refract.codegen.cli.CommandFailedException;
import dev.refract.codegen.cli.RefractCommand;
import dev.refract.codegen.compiler.DiagnosticSummary;
import dev.refract.mongo.migrate.MongoDeployReport;
import dev.refract.r2dbc.migrate.ResetReport;
import java.io.Console;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code refract migrate reset}: drops everything in a development database's namespace and applies
 * every migration again. Asks first, unless {@code --force}.
 */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Drops everything in the namespace of each relational datasource, or the collections of each"
                + " MongoDB one (or of the one named), and applies every migration again. For development databases;"
                + " asks first unless --force.")
public final class MigrateResetCommand extends MigrationSubcommand {

    @Option(names = "--force", description = "Reset without asking.")
    private boolean force;

    /** Asks the question and returns the answer, or {@code null} when nobody can answer (no terminal). */
    private final Function<String, String> ask;

    /** A command reading URLs from the process's environment and asking on its terminal. */
    public MigrateResetCommand() {
        this(System::getenv, MigrateResetCommand::askOnTerminal);
    }

    /** A command reading URLs from {@code environment} and asking with {@code ask}. */
    public MigrateResetCommand(UnaryOperator<String> environment, Function<String, String> ask) {
        super(environment);
        this.ask = ask;
    }

    private static String askOnTerminal(String question) {
        Console console = System.console();
        return console == null ? null : console.readLine("%s", question);
    }

    @Override
    protected int run(Path schema) {
        forEachHistory(schema, (target, migrations, migrator) -> {
            if (!confirmed(target, "every table, view, type and routine", migrations.migrations().size())) {
                return;
            }
            ResetReport report = migrator.reset(migrations, true).block();
            out().println("  reset: applied " + DiagnosticSummary.plural(report.deploy().applied().size(), "migration")
                    + ".");
        }, (target, migrations, migrator) -> {
            if (!confirmed(target, "every collection", migrations.migrations().size())) {
                return;
            }
            MongoDeployReport report = migrator.reset(migrations, true).block();
            out().println("  reset: applied " + DiagnosticSummary.plural(report.applied().size(), "migration") + ".");
        });
        return RefractCommand.SUCCESS;
    }

    /** Whether to reset {@code target}: {@code --force}, or a yes; says so when it goes on. */
    private boolean confirmed(Selected target, String what, int migrations) {
        String datasource = target.datasource().name();
        if (!force) {
            String answer = ask.apply("Reset drops " + what + " of datasource '" + datasource + "' ("
                    + target.displayUrl() + "), its data included, and applies its "
                    + DiagnosticSummary.plural(migrations, "migration") + " again. Type 'yes' to go on: ");
            if (answer == null) {
                throw new CommandFailedException("reset of datasource '" + datasource + "' needs a yes, and there"
                        + " is no terminal to ask on: pass --force to reset without asking.");
            }
            if (!answer.strip().toLowerCase(Locale.ROOT).equals("yes")) {
                out().println("Datasource '" + datasource + "': left as it was.");
                return false;
            }
        }
        out().println("Datasource '" + datasource + "' (" + target.displayUrl() + "):");
        out().flush();
        return true;
    }
}
