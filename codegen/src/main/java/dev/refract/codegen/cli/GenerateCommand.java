package dev.refract.codegen.cli;

import dev.refract.codegen.compiler.DiagnosticSummary;
import dev.refract.codegen.compiler.GenerateResult;
import dev.refract.codegen.compiler.SchemaCompiler;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code refract generate}: writes the Java client for the schema, touching only what changed. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generates the Java client sources from the schema. Files whose content is unchanged are"
                + " left alone; files an earlier run wrote that are no longer generated are deleted.")
final class GenerateCommand extends SchemaSubcommand {

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the sources go (default: the generator block's output, relative to the schema).")
    private Path outputDirectory;

    @Option(names = {"-v", "--verbose"}, description = "List every file written or deleted.")
    private boolean verbose;

    @Override
    protected int run(Path schema) {
        Path out = outputDirectory == null ? null : root().workingDirectory().resolve(outputDirectory);
        GenerateResult result = new SchemaCompiler(this::display).generate(schema, out);
        DiagnosticPrinter.print(err(), result.check().diagnostics());
        if (result.hasErrors()) {
            return RefractCommand.FAILED;
        }
        if (verbose) {
            result.written().forEach(file -> out().println("  wrote   " + file));
            result.deleted().forEach(file -> out().println("  deleted " + file));
        }
        out().println("Generated " + DiagnosticSummary.plural(result.producedCount(), "source file") + " into "
                + display(result.outputDirectory()) + " (" + result.written().size() + " written, "
                + result.unchanged().size() + " unchanged, " + result.deleted().size() + " deleted).");
        out().flush();
        return RefractCommand.SUCCESS;
    }
}
