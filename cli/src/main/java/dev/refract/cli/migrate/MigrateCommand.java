package dev.refract.cli.migrate;

import dev.refract.codegen.cli.RefractCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code refract migrate}: the commands of the migration history, one history per relational and MongoDB datasource. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Applies and looks after the migrations in migrations/<datasource>/ beside the schema.",
        subcommands = {MigrateDevCommand.class, MigrateDeployCommand.class, MigrateDiffCommand.class, MigrateStatusCommand.class, MigrateResolveCommand.class,
                MigrateResetCommand.class})
public final class MigrateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("Missing command: pass dev, deploy, diff, status, resolve or reset.");
        spec.commandLine().usage(spec.commandLine().getErr());
        return RefractCommand.USAGE;
    }
}
