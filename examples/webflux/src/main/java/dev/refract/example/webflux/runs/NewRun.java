package dev.refract.example.webflux.runs;

import dev.refract.example.webflux.db.PipelineRunCreate;
import dev.refract.json.Json;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;

/**
 * The body of {@code POST /runs}.
 *
 * @param name     the pipeline's name; required, not blank
 * @param cost     what the run has cost so far, in US dollars; zero or more, {@code null} for the schema's 0
 * @param metadata free-form JSON object, or {@code null}
 */
public record NewRun(@NotBlank String name, @PositiveOrZero Double cost, Map<String, Object> metadata) {

    /** Sets this request's values on {@code create}; what the request leaves out keeps the schema's default. */
    void fill(PipelineRunCreate create) {
        create.name(name);
        if (cost != null) {
            create.cost(cost);
        }
        if (metadata != null) {
            create.metadata(Json.of(metadata));
        }
    }
}
