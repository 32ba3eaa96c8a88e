package dev.refract.benchmarks.parse;

import dev.refract.benchmarks.schema.LargeSchemaWriter;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import dev.refract.codegen.validate.ValidationResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the front end of the code generator takes on a realistic 200-model schema: parsing
 * alone, and parsing followed by validation into definitions. Other sizes show how the cost grows,
 * e.g. {@code -p modelCount=50,100,200,400}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SchemaParseBenchmark {

    /** How many models the measured schema has. */
    @Param({"200"})
    public int modelCount;

    private SourceFile source;

    /** Writes the schema once and refuses to measure it if it has any error. */
    @Setup
    public void writeSchema() {
        String text = new LargeSchemaWriter(modelCount, LargeSchemaWriter.DEFAULT_SEED).write();
        source = new SourceFile("large.prisma", text);
        ParseResult parsed = SchemaParser.parse(source);
        // a benchmark of a schema with errors would time the error path, not the real one
        requireNoErrors("parse", parsed.diagnostics());
        requireNoErrors("validation", SchemaValidator.validate(parsed.schema()).diagnostics());
    }

    private static void requireNoErrors(String stage, List<Diagnostic> diagnostics) {
        List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The benchmark schema fails " + stage + " with " + errors.size()
                    + " error(s); fix LargeSchemaWriter or the " + stage + " step:\n"
                    + errors.stream().limit(5).map(Diagnostic::render).collect(Collectors.joining("\n")));
        }
    }

    /** Text to syntax tree. */
    @Benchmark
    public ParseResult parse() {
        return SchemaParser.parse(source);
    }

    /** Text to syntax tree to validated definitions. */
    @Benchmark
    public ValidationResult parseAndValidate() {
        return SchemaValidator.validate(SchemaParser.parse(source).schema());
    }
}
