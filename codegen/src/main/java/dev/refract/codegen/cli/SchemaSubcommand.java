package dev.refract.codegen.cli;

import dev.refract.codegen.compiler.CompilerException;
import dev.refract.codegen.generate.GenerationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the subcommands that work on a schema file share: the {@code --schema} option, the output
 * streams, and turning expected failures into a message and an exit code instead of a stack trace.
 */
abstract class SchemaSubcommand implements Callable<Integer> {

    @ParentCommand
    private RefractCommand parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchemaOption schemaOption;

    @Override
    public final Integer call() {
        try {
            return run(schemaOption.resolve(parent.workingDirectory()));
        } catch (SchemaOption.UsageException e) {
            err().println("error: " + e.getMessage());
            err().flush();
            return RefractCommand.USAGE;
        } catch (CompilerException | GenerationException e) {
            err().println("error: " + e.getMessage());
            err().flush();
            return RefractCommand.FAILED;
        }
    }

    /** Does the work on {@code schema} (absolute) and returns the exit code. */
    abstract int run(Path schema);

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    final RefractCommand parent() {
        return parent;
    }

    /** {@code path} relative to the working directory when it lies inside it. */
    final String display(Path path) {
        return parent.display(path);
    }
}
