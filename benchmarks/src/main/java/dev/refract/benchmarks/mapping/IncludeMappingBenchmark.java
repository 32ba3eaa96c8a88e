package dev.refract.benchmarks.mapping;

import com.example.relations.db.User;
import com.example.relations.db.UserMapper;
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
 * Mapping a three-level include result, one {@code User} with 10 posts each with 10 comments
 * (111 records), from the adapter-SPI rows the relation loader produces to the generated records:
 * through the generated {@code UserMapper.map} (what the generated delegate uses, recursing into
 * the post and comment mappers) and through a hand-written mapping of the same rows into the same
 * records, the floor. See {@link IncludeRows}. Both run in the same fork, so their ratio is
 * measured under the same conditions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class IncludeMappingBenchmark {
    // Not final, so the JIT cannot fold the rows' values into the benchmark as constants.
    private Row user;

    /** Builds the rows once. */
    @Setup(Level.Trial)
    public void setUp() {
        user = IncludeRows.user();
    }

    /** The user, its posts and their comments through the generated mappers. */
    @Benchmark
    public User includeGenerated() {
        return UserMapper.map(user);
    }

    /** The same through the hand-written mapping. */
    @Benchmark
    public User includeHandWritten() {
        return IncludeRows.mapByHand(user);
    }
}
