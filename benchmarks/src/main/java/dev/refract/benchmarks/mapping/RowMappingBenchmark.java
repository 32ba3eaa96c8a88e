package dev.refract.benchmarks.mapping;

import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.PipelineStepMapper;
import dev.refract.spi.Row;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Mapping one ten-position {@code PipelineStep} row of the adapter SPI to the generated record:
 * {@code generated} through {@link PipelineStepMapper#map} (what the generated delegate uses),
 * {@code handWritten} through {@link PipelineStepRows#mapByHand}. Both run in the same fork, so
 * their ratio is the generator's overhead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RowMappingBenchmark {
    // Not final, so the JIT cannot fold the row's values into the benchmark as constants.
    private Row row;

    /** Builds the row once. */
    @Setup(Level.Trial)
    public void setUp() {
        row = PipelineStepRows.step();
    }

    /** The generated mapper. */
    @Benchmark
    public PipelineStep generated() {
        return PipelineStepMapper.map(row);
    }

    /** The hand-written mapping. */
    @Benchmark
    public PipelineStep handWritten() {
        return PipelineStepRows.mapByHand(row);
    }
}
