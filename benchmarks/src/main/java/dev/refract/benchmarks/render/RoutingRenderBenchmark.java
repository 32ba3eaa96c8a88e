package dev.refract.benchmarks.render;

import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.RefractClientMetadata;
import dev.refract.query.Operation;
import dev.refract.r2dbc.sql.PostgresDialect;
import dev.refract.r2dbc.sql.SqlRenderer;
import dev.refract.r2dbc.sql.SqlStatement;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The client's hot path before the network, on the seed schema's {@code PipelineRun}:
 *
 * <ul>
 *   <li>{@code clientFindUnique}, {@code clientFindMany}: a generated delegate call, through the
 *       builder, the {@code Operation}, the client core's routing, to an adapter that renders the
 *       SQL statement and answers with one canned row, which the delegate maps to a record;</li>
 *   <li>{@code renderFindUnique}, {@code renderFindMany}: the same operations, prebuilt, rendered
 *       alone by {@link SqlRenderer#render}.</li>
 * </ul>
 *
 * <p>No database is involved; the difference between the two pairs is what the builder, the
 * reactive plumbing, the routing and the mapping add to rendering.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RoutingRenderBenchmark {
    private RefractClient client;
    private RenderingAdapterProvider adapters;
    private SqlRenderer renderer;
    private Operation findUnique;
    private Operation findMany;

    /** Builds the client on the rendering adapter, and the operations the render-only figures use. */
    @Setup(Level.Trial)
    public void setUp() {
        adapters = new RenderingAdapterProvider(PipelineRunQueries.cannedRows());
        client = RefractClient.builder()
                .datasource("db", "postgresql://localhost/benchmark-never-connects")
                .adapterProvider(adapters)
                .build();
        renderer = new SqlRenderer(RefractClientMetadata.SCHEMA, PostgresDialect.INSTANCE);
        findUnique = PipelineRunQueries.findUniqueOperation();
        findMany = PipelineRunQueries.findManyOperation();
    }

    /** Releases the client. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.closeAsync().block();
    }

    /** findUnique by id: builder, routing, rendering, canned row mapped. */
    @Benchmark
    public void clientFindUnique(Blackhole blackhole) {
        blackhole.consume(PipelineRunQueries.findUnique(client));
        blackhole.consume(adapters.lastStatement());
    }

    /** findMany with three filters, order and page: builder, routing, rendering, canned row mapped. */
    @Benchmark
    public void clientFindMany(Blackhole blackhole) {
        blackhole.consume(PipelineRunQueries.findMany(client));
        blackhole.consume(adapters.lastStatement());
    }

    /** findUnique by id, prebuilt, rendered alone. */
    @Benchmark
    public SqlStatement renderFindUnique() {
        return renderer.render(findUnique);
    }

    /** findMany with three filters, order and page, prebuilt, rendered alone. */
    @Benchmark
    public SqlStatement renderFindMany() {
        return renderer.render(findMany);
    }
}
