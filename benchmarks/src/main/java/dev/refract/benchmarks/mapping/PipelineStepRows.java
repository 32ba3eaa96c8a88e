package dev.refract.benchmarks.mapping;

import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.Status;
import dev.refract.json.Json;
import dev.refract.relation.Relation;
import dev.refract.spi.Row;
import java.time.Instant;

/**
 * A stored {@code PipelineStep} as the adapter SPI carries it, and the hand-written mapping the
 * generated mapper is measured against.
 *
 * <p>The row has the model's ten positions: nine scalar columns and, at position 1, the
 * {@code run} relation, not included ({@code null}).
 */
public final class PipelineStepRows {
    private PipelineStepRows() {
    }

    /** A step with every column filled, the optional ones included. */
    public static Row step() {
        return Row.of(
                "01936a3e-7c00-7000-8000-000000000001",
                null,
                "clr0run000000000000000001",
                3,
                "render-video",
                "COMPLETED",
                1,
                48_250L,
                Json.parse("{\"frames\":1440,\"codec\":\"h264\"}"),
                Instant.parse("2026-11-21T08:00:05Z"));
    }

    /**
     * The row mapped by hand, as a user without a generator would write it: one constructor call
     * with a cast per position, the enum looked up by name, the relation known not to be loaded.
     */
    public static PipelineStep mapByHand(Row row) {
        return new PipelineStep(
                (String) row.get(0),
                Relation.notLoaded("PipelineStep", "run"),
                (String) row.get(2),
                (Integer) row.get(3),
                (String) row.get(4),
                Status.valueOf((String) row.get(5)),
                (Integer) row.get(6),
                (Long) row.get(7),
                (Json) row.get(8),
                (Instant) row.get(9));
    }
}
