package dev.refract.cli.db;

import dev.refract.codegen.cli.RefractCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code refract db}: the database commands that keep no migration history ({@code push}, {@code pull}). */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Brings a database to the schema without a migration history (for prototyping), or an"
                + " existing database into the schema.",
        subcommands = {DbPushCommand.class, DbPullCommand.class})
public final class DbCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command: pass push or pull.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return RefractCommand.USAGE;
    }
}
