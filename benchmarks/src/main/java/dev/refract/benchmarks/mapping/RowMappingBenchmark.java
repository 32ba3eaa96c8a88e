package dev.refract.benchmarks.mapping;

import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.PipelineStepMapper;
import com.example.telemetry.db.Reading;
import com.example.telemetry.db.ReadingMapper;
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
 * Mapping one adapter-SPI row to its generated record, through the generated mapper (what the
 * generated delegate uses) and through a hand-written mapping of the same row into the same
 * record:
 *
 * <ul>
 *   <li>{@code step*}: the seed schema's {@code PipelineStep}, ten positions (nine scalar columns
 *       and a relation), see {@link PipelineStepRows};</li>
 *   <li>{@code reading*}: the telemetry corpus schema's {@code Reading}, ten scalar columns and a
 *       relation, see {@link ReadingRows}.</li>
 * </ul>
 *
 * <p>All run in the same fork, so each generated/hand-written ratio is measured under the same
 * conditions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RowMappingBenchmark {
    // Not final, so the JIT cannot fold the rows' values into the benchmark as constants.
    private Row step;
    private Row reading;

    /** Builds the rows once. */
    @Setup(Level.Trial)
    public void setUp() {
        step = PipelineStepRows.step();
        reading = ReadingRows.reading();
    }

    /** {@code PipelineStep} through the generated mapper. */
    @Benchmark
    public PipelineStep stepGenerated() {
        return PipelineStepMapper.map(step);
    }

    /** {@code PipelineStep} through the hand-written mapping. */
    @Benchmark
    public PipelineStep stepHandWritten() {
        return PipelineStepRows.mapByHand(step);
    }

    /** {@code Reading} through the generated mapper. */
    @Benchmark
    public Reading readingGenerated() {
        return ReadingMapper.map(reading);
    }

    /** {@code Reading} through the hand-written mapping. */
    @Benchmark
    public Reading readingHandWritten() {
        return ReadingRows.mapByHand(reading);
    }
}
