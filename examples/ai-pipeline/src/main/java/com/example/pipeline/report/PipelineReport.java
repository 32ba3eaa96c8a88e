package com.example.pipeline.report;

import com.example.pipeline.db.ContentItem;
import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.PipelineRunField;
import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.Session;
import com.example.pipeline.db.Status;
import com.example.pipeline.table.TextTable;
import dev.refract.cache.CacheStatistics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * The seed's queries, each run through the generated client and shown as an aligned table: failed runs
 * of the last day with their ordered steps, cost by pipeline of the completed runs, the streamed export
 * of every step ({@link StepExport}), the runs with their content items and the sessions that asked for them (three
 * datasources in one read), and a cached look-up of a run.
 *
 * <p>Every method is cold and non-blocking: nothing runs until the returned publisher is subscribed.
 * Times are shown relative to the {@code now} the report is made with.
 */
public final class PipelineReport {

    private final RefractClient db;
    private final Instant now;

    /** A report reading through {@code db}, with "the last 24 hours" counted back from {@code now}. */
    public PipelineReport(RefractClient db, Instant now) {
        this.db = Objects.requireNonNull(db, "db");
        this.now = Objects.requireNonNull(now, "now");
    }

    /** Failed runs that started in the 24 hours before {@code now}, newest first, each step on its own line in order. */
    public Mono<TextTable> failedRunsOfLastDay() {
        TextTable table = TextTable.titled("Failed runs of the last 24 hours, with their steps in order")
                .columns("pipeline", "run", "started")
                .numberColumns("cost (USD)", "#")
                .columns("step", "status")
                .numberColumns("attempts");
        return db.pipelineRun().findMany(q -> q
                        .where(w -> w.status().eq(Status.FAILED).startedAt().gte(now.minus(Duration.ofHours(24))))
                        .orderBy(o -> o.startedAt().desc())
                        .include(i -> i.steps(s -> s.orderBy(o -> o.position().asc()))))
                .doOnNext(run -> {
                    List<PipelineStep> steps = run.steps().get();
                    if (steps.isEmpty()) {
                        table.row(run.name(), run.id(), ago(run.startedAt()), dollars(run.cost()), null, null, null, null);
                    }
                    for (int i = 0; i < steps.size(); i++) {
                        PipelineStep step = steps.get(i);
                        boolean first = i == 0;
                        table.row(first ? run.name() : "", first ? run.id() : "", first ? ago(run.startedAt()) : "",
                                first ? dollars(run.cost()) : "", step.position(), step.name(), step.status(),
                                step.attempts());
                    }
                })
                .then(Mono.just(table));
    }

    /** The completed runs' cost summed per pipeline name, with how many runs each has, by name. */
    public Mono<TextTable> costByPipeline() {
        TextTable table = TextTable.titled("Cost by pipeline (completed runs)")
                .columns("pipeline")
                .numberColumns("runs", "cost (USD)");
        return db.pipelineRun().groupBy(g -> g
                        .by(PipelineRunField.NAME)
                        .sum(PipelineRunField.COST)
                        .count()
                        .where(w -> w.status().eq(Status.COMPLETED))
                        .orderBy(o -> o.name().asc()))
                .doOnNext(group -> table.row(group.name(), group.count(), dollars(group.sum().cost())))
                .then(Mono.just(table));
    }

    /**
     * The runs, newest first, with the content items each produced (MongoDB) and the session that asked for
     * each item (Redis): one read across the three datasources, one statement per datasource and level.
     */
    public Mono<TextTable> runsWithContentAndSessions() {
        TextTable table = TextTable.titled("Runs with their content (MongoDB) and the sessions that asked for it (Redis)")
                .columns("pipeline", "run", "status", "content", "type", "asked by");
        return db.pipelineRun().findMany(q -> q
                        .orderBy(o -> o.startedAt().desc())
                        .include(i -> i.contentItems(c -> c
                                .orderBy(o -> o.title().asc())
                                .include(ci -> ci.session()))))
                .doOnNext(run -> {
                    List<ContentItem> items = run.contentItems().get();
                    if (items.isEmpty()) {
                        table.row(run.name(), run.id(), run.status(), null, null, null);
                    }
                    for (int i = 0; i < items.size(); i++) {
                        ContentItem item = items.get(i);
                        boolean first = i == 0;
                        Session session = item.session().get();
                        table.row(first ? run.name() : "", first ? run.id() : "", first ? run.status() : "",
                                item.title(), item.type(), session == null ? null : session.userId());
                    }
                })
                .then(Mono.just(table));
    }

    /**
     * Looks the run {@code runId} up by id twice: the first look-up reads PostgreSQL and fills the Redis cache
     * (a miss), the second is answered from Redis (a hit). The table shows the client's cache statistics
     * before and after each look-up.
     */
    public Mono<TextTable> cachedLookUp(String runId) {
        TextTable table = TextTable.titled("Cached look-up of run " + runId + " (read-through cache in Redis)")
                .columns("moment", "found")
                .numberColumns("hits", "misses");
        statistics(table, "before", null);
        return lookUp(runId)
                .doOnNext(run -> statistics(table, "after 1st look-up", run))
                .then(lookUp(runId))
                .doOnNext(run -> statistics(table, "after 2nd look-up", run))
                .then(Mono.just(table));
    }

    private Mono<PipelineRun> lookUp(String runId) {
        return db.pipelineRun().findUniqueOrThrow(q -> q.where(w -> w.id(runId)));
    }

    private void statistics(TextTable table, String moment, PipelineRun found) {
        CacheStatistics statistics = db.core().cacheStatistics();
        table.row(moment, found == null ? null : found.name() + " (" + found.status() + ")",
                statistics.hits() + statistics.staleHits(), statistics.misses());
    }

    /** e.g. {@code 2h 05m ago}, or {@code 3d 0h ago} for older times. */
    String ago(Instant time) {
        Duration age = Duration.between(time, now);
        if (age.toDays() > 0) {
            return age.toDays() + "d " + age.toHoursPart() + "h ago";
        }
        return String.format(Locale.ROOT, "%dh %02dm ago", age.toHours(), age.toMinutesPart());
    }

    static String dollars(Double amount) {
        return amount == null ? null : String.format(Locale.ROOT, "%.2f", amount);
    }
}
