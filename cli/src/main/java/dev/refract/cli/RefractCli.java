package dev.refract.cli;

import dev.refract.cli.db.DbCommand;
import dev.refract.cli.migrate.MigrateCommand;
import dev.refract.codegen.cli.RefractCommand;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * The {@code refract} command line as shipped: the generator's schema commands ({@code generate},
 * {@code validate}, {@code format}) and the database commands that need the adapters ({@code db},
 * {@code migrate}).
 */
public final class RefractCli {

    private RefractCli() {
    }

    /** The command line of {@code refract}, resolving relative paths against {@code workingDirectory}. */
    public static CommandLine commandLine(Path workingDirectory) {
        CommandLine commandLine = new CommandLine(new RefractCommand(workingDirectory)).addSubcommand(new DbCommand())
                .addSubcommand(new MigrateCommand());
        commandLine.getCommandSpec().usageMessage().description("Generates a reactive Java data client from a"
                + " Prisma-style schema, checks and formats the schema, and brings databases to it.");
        return commandLine;
    }

    /** Runs the command line in the process's working directory and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine(Path.of("").toAbsolutePath()).execute(args));
    }
}
