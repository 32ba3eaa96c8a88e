package dev.refract.example.webflux.runs;

import dev.refract.example.webflux.db.Status;
import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code PATCH /runs/{id}}: the status the run moves to.
 *
 * @param status required
 */
public record StatusChange(@NotNull Status status) {
}
