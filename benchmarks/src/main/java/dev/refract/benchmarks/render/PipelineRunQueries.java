package dev.refract.benchmarks.render;

import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.PipelineRunFindMany;
import com.example.pipeline.db.PipelineRunFindUnique;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.RefractClientMetadata;
import com.example.pipeline.db.Status;
import dev.refract.query.Operation;
import dev.refract.spi.Row;
import java.time.Instant;
import java.util.List;

/**
 * The two queries the routing and rendering benchmarks time, on the seed schema's
 * {@code PipelineRun}, written once so the benchmark and its test run the same calls.
 */
public final class PipelineRunQueries {
    /** The id the unique look-up asks for. */
    public static final String RUN_ID = "clr0run000000000000000001";
    /** The lower bound of {@code startedAt} in the filtered read. */
    public static final Instant SINCE = Instant.parse("2026-11-01T00:00:00Z");
    /** The prefix of {@code name} in the filtered read. */
    public static final String NAME_PREFIX = "video";
    /** The page size of the filtered read. */
    public static final int PAGE = 20;

    private PipelineRunQueries() {
    }

    /**
     * The unique look-up by id, through the generated delegate. The model declares a read-through cache;
     * the look-up bypasses it, so that what is measured is the way to the adapter.
     */
    public static PipelineRun findUnique(RefractClient client) {
        return client.pipelineRun().findUnique(q -> q.where(w -> w.id(RUN_ID)).noCache()).block();
    }

    /**
     * The read with three filters (status equals, startedAt at or after, name starts with),
     * newest first, one page, through the generated delegate; the last record it streams.
     */
    public static PipelineRun findMany(RefractClient client) {
        return client.pipelineRun().findMany(PipelineRunQueries::filtered).blockLast();
    }

    /** The unique look-up's operation, built by the generated builder as the delegate builds it. */
    public static Operation findUniqueOperation() {
        return new PipelineRunFindUnique().where(w -> w.id(RUN_ID)).build();
    }

    /** The filtered read's operation, built by the generated builder as the delegate builds it. */
    public static Operation findManyOperation() {
        PipelineRunFindMany query = new PipelineRunFindMany();
        filtered(query);
        return new Operation.FindMany(RefractClientMetadata.PIPELINE_RUN.index(), query.build());
    }

    /**
     * One stored run, positional as the adapter SPI carries it (the {@code steps} and {@code contentItems}
     * relations not loaded).
     */
    public static Row cannedRun() {
        Instant started = Instant.parse("2026-11-21T08:00:00Z");
        return Row.of(RUN_ID, "video-production", "RUNNING", started, started.plusSeconds(30), 1.25, null, null, null);
    }

    private static void filtered(PipelineRunFindMany query) {
        query.where(w -> w.status().eq(Status.RUNNING).startedAt().gte(SINCE).name().startsWith(NAME_PREFIX))
                .orderBy(o -> o.startedAt().desc())
                .take(PAGE);
    }

    /** The rows every read of the benchmark client answers with. */
    static List<Row> cannedRows() {
        return List.of(cannedRun());
    }
}
