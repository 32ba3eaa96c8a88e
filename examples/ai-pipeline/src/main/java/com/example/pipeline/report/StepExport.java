package com.example.pipeline.report;

import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.table.TextTable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Exports every pipeline step as it streams from the database: {@code findMany} is a {@link Flux} that
 * fetches rows in batches as they are asked for, and each step is written to the file as one JSON line
 * (NDJSON) when it arrives, so the export never holds the whole table in memory. File writes run on a
 * scheduler meant for blocking work, never on the driver's event loop.
 */
public final class StepExport {

    /** How many of the exported steps the table shows. */
    static final int SHOWN = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RefractClient db;

    /** An export reading the steps through {@code db}. */
    public StepExport(RefractClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Streams every step, ordered by run and position, into {@code file} (created, or replaced, with its
     * directories), then gives a table with how many were written and the first of them.
     *
     * @return the table; an {@link UncheckedIOException} naming the file when it cannot be written
     */
    public Mono<TextTable> export(Path file) {
        AtomicLong written = new AtomicLong();
        List<PipelineStep> first = new ArrayList<>(SHOWN);
        Flux<PipelineStep> steps = db.pipelineStep().findMany(q -> q.orderBy(o -> o.runId().asc().position().asc()));
        return Flux.using(() -> open(file),
                        writer -> steps.publishOn(Schedulers.boundedElastic()).doOnNext(step -> {
                            write(writer, file, step);
                            if (written.incrementAndGet() <= SHOWN) {
                                first.add(step);
                            }
                        }),
                        writer -> close(writer, file))
                .then(Mono.fromSupplier(() -> {
                    TextTable table = TextTable.titled("Streamed export of all steps: " + written.get()
                                    + " written to " + file + " as they arrived; the first " + first.size() + ":")
                            .columns("run")
                            .numberColumns("#")
                            .columns("step", "status")
                            .numberColumns("duration (ms)");
                    first.forEach(step -> table.row(step.runId(), step.position(), step.name(), step.status(),
                            step.durationMs()));
                    return table;
                }));
    }

    private static BufferedWriter open(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return Files.newBufferedWriter(file);
    }

    private static void write(BufferedWriter writer, Path file, PipelineStep step) {
        ObjectNode line = JSON.createObjectNode()
                .put("id", step.id())
                .put("runId", step.runId())
                .put("position", step.position())
                .put("name", step.name())
                .put("status", step.status().name())
                .put("attempts", step.attempts())
                .put("durationMs", step.durationMs())
                .put("createdAt", step.createdAt().toString());
        line.set("output", step.output() == null ? null : step.output().tree());
        try {
            writer.write(JSON.writeValueAsString(line));
            writer.newLine();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the export " + file + ": " + e.getMessage(), e);
        }
    }

    private static void close(BufferedWriter writer, Path file) {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not finish the export " + file + ": " + e.getMessage(), e);
        }
    }
}
