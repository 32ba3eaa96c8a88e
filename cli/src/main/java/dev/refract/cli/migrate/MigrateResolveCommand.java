package dev.refract.cli.migrate;

import dev.refract.codegen.cli.RefractCommand;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import reactor.core.publisher.Mono;

/**
 * {@code refract migrate resolve}: settles a migration by hand, marking a failed one rolled back (so
 * deploy applies it again) or a migration applied (finished by hand, or a baseline).
 */
@Command(name = "resolve", mixinStandardHelpOptions = true,
        description = "Marks a failed migration rolled back, so deploy applies it again, or a migration applied,"
                + " after finishing it by hand. Runs none of its SQL.")
public final class MigrateResolveCommand extends MigrationSubcommand {

    /** Exactly one of the two ways to settle a migration. */
    static final class Resolution {

        @Option(names = "--rolled-back", paramLabel = "NAME", required = true,
                description = "The failed migration to mark rolled back.")
        String rolledBack;

        @Option(names = "--applied", paramLabel = "NAME", required = true,
                description = "The migration to record as applied.")
        String applied;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Resolution resolution;

    /** A command reading datasource URLs from the process's environment. */
    public MigrateResolveCommand() {
        this(System::getenv);
    }

    /** A command reading datasource URLs from {@code environment}. */
    public MigrateResolveCommand(UnaryOperator<String> environment) {
        super(environment);
    }

    @Override
    protected boolean onOneDatasource() {
        return true;
    }

    @Override
    protected int run(Path schema) {
        forEachHistory(schema,
                (target, migrations, migrator) -> resolve(target.datasource().name(),
                        name -> migrator.resolveRolledBack(migrations, name),
                        name -> migrator.resolveApplied(migrations, name)),
                (target, migrations, migrator) -> resolve(target.datasource().name(),
                        name -> migrator.resolveRolledBack(migrations, name),
                        name -> migrator.resolveApplied(migrations, name)));
        return RefractCommand.SUCCESS;
    }

    /** Marks the migration named on the command line in one datasource's history, with that history's migrator. */
    private void resolve(String datasource, Function<String, Mono<?>> rolledBack, Function<String, Mono<?>> applied) {
        if (resolution.rolledBack != null) {
            rolledBack.apply(resolution.rolledBack).block();
            out().println("Datasource '" + datasource + "': " + resolution.rolledBack
                    + " marked rolled back; the next deploy applies it again.");
        } else {
            applied.apply(resolution.applied).block();
            out().println("Datasource '" + datasource + "': " + resolution.applied + " recorded as applied.");
        }
    }
}
