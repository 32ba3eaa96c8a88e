package dev.refract.benchmarks.parse;

import dev.refract.benchmarks.schema.PreparedSchema;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import dev.refract.codegen.validate.ValidationResult;
import java.util.concurrent.TimeUnit;
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

    /** Writes the schema once; refuses to measure a schema with errors. */
    @Setup
    public void writeSchema() {
        source = PreparedSchema.of(modelCount).source();
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
