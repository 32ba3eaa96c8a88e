package dev.refract.codegen.cli;

import dev.refract.codegen.compiler.CompilerException;
import dev.refract.codegen.compiler.SchemaCompiler;
import dev.refract.codegen.format.FormatResult;
import dev.refract.codegen.format.SchemaFormatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code refract format}: rewrites the schema in its canonical layout, or with {@code --check}
 * only reports whether it would. A file with syntax errors is never rewritten.
 */
@Command(name = "format", mixinStandardHelpOptions = true,
        description = "Formats the schema in its canonical layout; the file is rewritten only when that changes it.")
final class FormatCommand extends SchemaSubcommand {

    @Option(names = "--check", description = "Change nothing; exit with 1 when the schema is not formatted.")
    private boolean check;

    @Override
    protected int run(Path schema) {
        String name = display(schema);
        FormatResult result = new SchemaFormatter().format(new SchemaCompiler(this::display).read(schema));
        DiagnosticPrinter.print(err(), result.diagnostics());
        if (result.hasErrors()) {
            err().println(name + " was not formatted because it has syntax errors.");
            err().flush();
            return RefractCommand.FAILED;
        }
        if (check) {
            if (result.changed()) {
                out().println("Would reformat " + name + "; run refract format to fix it.");
                out().flush();
                return RefractCommand.FAILED;
            }
            out().println(name + " is formatted.");
        } else if (result.changed()) {
            write(schema, result.formatted());
            out().println("Formatted " + name + ".");
        } else {
            out().println(name + " is already formatted.");
        }
        out().flush();
        return RefractCommand.SUCCESS;
    }

    private static void write(Path schema, String text) {
        try {
            Files.writeString(schema, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CompilerException(
                    "Cannot write the schema file " + schema + ": " + e.getMessage() + ".", e);
        }
    }
}
