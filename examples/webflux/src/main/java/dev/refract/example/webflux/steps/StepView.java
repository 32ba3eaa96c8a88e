package dev.refract.example.webflux.steps;

import dev.refract.example.webflux.db.PipelineStep;
import dev.refract.example.webflux.db.Status;
import dev.refract.json.Json;
import java.time.Instant;

/**
 * A step of a pipeline run as the API shows it, without its run.
 *
 * @param durationMs how long it took, or {@code null} while it has not ended
 * @param output     free-form JSON, or {@code null}
 */
public record StepView(String id, String runId, int position, String name, Status status, int attempts,
        Long durationMs, Json output, Instant createdAt) {

    /** The view of {@code step}. */
    public static StepView of(PipelineStep step) {
        return new StepView(step.id(), step.runId(), step.position(), step.name(), step.status(), step.attempts(),
                step.durationMs(), step.output(), step.createdAt());
    }
}
