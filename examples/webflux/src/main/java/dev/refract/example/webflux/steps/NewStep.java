package dev.refract.example.webflux.steps;

import dev.refract.example.webflux.db.PipelineStepCreate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The body of {@code POST /runs/{runId}/steps}.
 *
 * @param position where the step runs in its run, from 1; required, and free in the run (else 409)
 * @param name     what the step does; required, not blank
 */
public record NewStep(@NotNull @Positive Integer position, @NotBlank String name) {

    /** Sets this request's values on {@code create}, for the run {@code runId}. */
    void fill(String runId, PipelineStepCreate create) {
        create.runId(runId).position(position).name(name);
    }
}
