package dev.refract.codegen.cli;

import dev.refract.codegen.compiler.CheckResult;
import dev.refract.codegen.compiler.CompilerException;
import dev.refract.codegen.compiler.SchemaCompiler;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.generate.GenerationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the subcommands that work on a schema file share: the {@code --schema} option, the output
 * streams, and turning expected failures into a message and an exit code instead of a stack trace.
 * Subcommands at any depth ({@code generate}, {@code db push}, {@code migrate deploy}) extend it; the
 * working directory is the root {@link RefractCommand}'s.
 */
public abstract class SchemaSubcommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchemaOption schemaOption;

    @Override
    public final Integer call() {
        try {
            return run(schemaOption.resolve(root().workingDirectory()));
        } catch (SchemaOption.UsageException e) {
            err().println("error: " + e.getMessage());
            err().flush();
            return RefractCommand.USAGE;
        } catch (CompilerException | GenerationException | CommandFailedException e) {
            err().println("error: " + e.getMessage());
            err().flush();
            return RefractCommand.FAILED;
        }
    }

    /**
     * Does the work on {@code schema} (absolute) and returns the exit code.
     *
     * @throws CommandFailedException when the work cannot be done; its message is printed
     */
    protected abstract int run(Path schema);

    /**
     * The definition of the schema file {@code schema}, after printing its warnings.
     *
     * @throws CommandFailedException when the schema has errors, which are printed first
     */
    protected final SchemaDefinition validSchema(Path schema) {
        CheckResult result = new SchemaCompiler(this::display).check(schema);
        DiagnosticPrinter.print(err(), result.diagnostics());
        if (result.hasErrors()) {
            throw new CommandFailedException("The schema " + display(schema) + " is not valid; fix the errors above"
                    + " (refract validate lists them too).");
        }
        return result.definition();
    }

    /** The command as typed, e.g. {@code refract migrate resolve}. */
    protected final String commandName() {
        return spec.qualifiedName();
    }

    /** Where results go. */
    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where diagnostics and errors go. */
    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The {@code refract} command this subcommand runs under. */
    protected final RefractCommand root() {
        return (RefractCommand) spec.root().userObject();
    }

    /** {@code path} relative to the working directory when it lies inside it. */
    protected final String display(Path path) {
        return root().display(path);
    }
}
