package dev.refract.benchmarks.generate;

import dev.refract.benchmarks.schema.PreparedSchema;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.generate.GeneratedFile;
import dev.refract.codegen.generate.JavaGenerator;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import java.util.List;
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
 * How long the Java generator takes to turn the validated definitions of a realistic 200-model
 * schema into source files, and how long the whole way from schema text to sources takes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
// one operation takes about a second, so iterations are long enough to hold several
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class SchemaGenerateBenchmark {

    /** How many models the generated schema has. */
    @Param({"200"})
    public int modelCount;

    private SourceFile source;
    private SchemaDefinition definition;
    private JavaGenerator generator;

    /** Writes and validates the schema once; refuses to measure a schema with errors. */
    @Setup
    public void prepare() {
        PreparedSchema prepared = PreparedSchema.of(modelCount);
        source = prepared.source();
        definition = prepared.definition();
        generator = new JavaGenerator();
    }

    /** Definitions to source files. */
    @Benchmark
    public List<GeneratedFile> generate() {
        return generator.generate(definition);
    }

    /** Schema text to syntax tree to definitions to source files. */
    @Benchmark
    public List<GeneratedFile> parseValidateAndGenerate() {
        return generator.generate(SchemaValidator.validate(SchemaParser.parse(source).schema()).definition());
    }
}
