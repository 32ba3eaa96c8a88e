package dev.refract.benchmarks.mapping;

import com.example.guide.db.Reviewer;
import dev.refract.mongo.codec.RowCodec;
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
 * Mapping one BSON document with nested composite types to its generated record, from the bytes the
 * server sends: the MongoDB catalog corpus schema's {@code Reviewer}, which embeds an {@code Address}
 * (which embeds a {@code GeoPoint}) and a {@code Photo} (see {@link ReviewerDocuments}).
 *
 * <ul>
 *   <li>{@code reviewerGenerated}: Refract's side, the MongoDB adapter's document decoder ({@link RowCodec})
 *       reading the document into a positional row, mapped by the generated {@code ReviewerMapper};</li>
 *   <li>{@code reviewerHandWritten}: the floor, a hand-written decoder reading the driver's
 *       {@code BsonReader} straight into the records;</li>
 *   <li>{@code reviewerThroughDocument}: the driver's generic {@code Document}, mapped by hand into the
 *       records.</li>
 * </ul>
 *
 * <p>Each call reads the document from its bytes with a new reader, as the driver does for each document
 * of a reply. All run in the same fork, so their ratios is measured under the same conditions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class BsonMappingBenchmark {
    // Not final, so the JIT cannot fold the document into the benchmark as a constant.
    private byte[] reviewer;
    private RowCodec decoder;

    /** Encodes the document and builds the adapter's decoder once, as the adapter does when it starts. */
    @Setup(Level.Trial)
    public void setUp() {
        reviewer = ReviewerDocuments.reviewer();
        decoder = ReviewerDocuments.adapterDecoder();
    }

    /** {@code Reviewer} through the adapter's document decoder and the generated mapper. */
    @Benchmark
    public Reviewer reviewerGenerated() {
        return ReviewerDocuments.mapGenerated(decoder, reviewer);
    }

    /** {@code Reviewer} through the hand-written decoder. */
    @Benchmark
    public Reviewer reviewerHandWritten() {
        return ReviewerDocuments.mapByHand(reviewer);
    }

    /** {@code Reviewer} through the driver's {@code Document} and a hand-written mapping of it. */
    @Benchmark
    public Reviewer reviewerThroughDocument() {
        return ReviewerDocuments.mapThroughDocument(reviewer);
    }
}
