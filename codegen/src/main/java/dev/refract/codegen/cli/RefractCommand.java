package dev.refract.codegen.cli;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code refract} command. Each task is a subcommand, so that later ones ({@code migrate},
 * {@code db}, {@code studio}) slot in beside {@code generate}, {@code validate} and
 * {@code format}.
 *
 * <p>Exit codes: {@value #SUCCESS} success; {@value #FAILED} the schema is invalid, a check failed
 * or the work could not be done; {@value #USAGE} a usage error (unknown option, no schema file).
 * Relative paths are resolved against the working directory the command was given.
 */
@Command(name = "refract", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Generates a reactive Java data client from a Prisma-style schema, and checks and formats the schema.",
        subcommands = {GenerateCommand.class, ValidateCommand.class, FormatCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 invalid schema or failed check, 2 usage error."})
public final class RefractCommand implements Callable<Integer> {

    /** The command did what was asked. */
    public static final int SUCCESS = 0;
    /** The schema is invalid, a check failed, or the work could not be done. */
    public static final int FAILED = 1;
    /** The command was called wrongly. */
    public static final int USAGE = 2;

    private final Path workingDirectory;

    @Spec
    private CommandSpec spec;

    /** A command working in the process's current directory. */
    public RefractCommand() {
        this(Path.of("").toAbsolutePath());
    }

    /** A command that resolves relative paths against {@code workingDirectory}. */
    public RefractCommand(Path workingDirectory) {
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory").toAbsolutePath().normalize();
    }

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        String commands = spec.subcommands().keySet().stream().filter(name -> !name.equals("help"))
                .collect(Collectors.joining(", "));
        spec.commandLine().getErr().println("Missing command: pass one of " + commands + ".");
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    /** The directory relative paths are resolved against. */
    public Path workingDirectory() {
        return workingDirectory;
    }

    /** {@code path} as a person in the working directory would write it. */
    public String display(Path path) {
        Path absolute = workingDirectory.resolve(path).normalize();
        if (absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)) {
            return workingDirectory.relativize(absolute).toString();
        }
        return absolute.toString();
    }
}
