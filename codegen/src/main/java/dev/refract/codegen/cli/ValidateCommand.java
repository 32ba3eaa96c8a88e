package dev.refract.codegen.cli;

import dev.refract.codegen.compiler.CheckResult;
import dev.refract.codegen.compiler.DiagnosticSummary;
import dev.refract.codegen.compiler.SchemaCompiler;
import dev.refract.codegen.definition.SchemaDefinition;
import java.nio.file.Path;
import picocli.CommandLine.Command;

/** {@code refract validate}: reports every problem in the schema, or says it is valid. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks the schema and reports every problem in it.")
final class ValidateCommand extends SchemaSubcommand {

    @Override
    protected int run(Path schema) {
        CheckResult result = new SchemaCompiler(this::display).check(schema);
        DiagnosticPrinter.print(err(), result.diagnostics());
        if (result.hasErrors()) {
            return RefractCommand.FAILED;
        }
        SchemaDefinition definition = result.definition();
        out().println("The schema " + display(schema) + " is valid: "
                + DiagnosticSummary.plural(definition.datasources().size(), "datasource") + ", "
                + DiagnosticSummary.plural(definition.models().size(), "model") + ", "
                + DiagnosticSummary.plural(definition.enums().size(), "enum") + ", "
                + DiagnosticSummary.plural(definition.compositeTypes().size(), "composite type") + ".");
        out().flush();
        return RefractCommand.SUCCESS;
    }
}
