package dev.refract.example.webflux.runs;

import dev.refract.example.webflux.db.PipelineRun;
import dev.refract.example.webflux.db.Status;
import dev.refract.json.Json;
import java.time.Instant;

/**
 * A pipeline run as the API shows it: the run's own fields, without its relations (the steps have
 * their own resource).
 *
 * @param metadata free-form JSON, or {@code null}
 */
public record RunView(String id, String name, Status status, Instant startedAt, Instant updatedAt, Double cost,
        Json metadata) {

    /** The view of {@code run}. */
    public static RunView of(PipelineRun run) {
        return new RunView(run.id(), run.name(), run.status(), run.startedAt(), run.updatedAt(), run.cost(),
                run.metadata());
    }
}
