package com.example.pipeline.seed;

import com.example.pipeline.db.ContentItem;
import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.PipelineStepCreate;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.Session;
import com.example.pipeline.db.Status;
import dev.refract.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The example's data: a few pipeline runs of several pipelines (completed and failed in the last day, one
 * older failure, one still running) with their ordered steps in PostgreSQL, the content they produced in
 * MongoDB, and the user sessions that asked for it in Redis.
 *
 * <p>Runs and sessions have fixed ids, so a second run of the example replaces its own records (and
 * only those) instead of adding to them. Times are relative to the {@code now} the seed is given.
 */
public final class PipelineSeed {

    /** The sessions the seed records, by user. */
    static final List<SeedSession> SESSIONS = List.of(
            new SeedSession("seed-session-ada", "ada", "dark"),
            new SeedSession("seed-session-grace", "grace", "light"));

    /** The runs the seed records, oldest last. */
    static final List<SeedRun> RUNS = List.of(
            new SeedRun("seed-run-podcast-2", "podcast-summary", Status.FAILED, Duration.ofMinutes(30), 0.40,
                    List.of(new SeedStep("transcribe", Status.COMPLETED, 1, 42_000L),
                            new SeedStep("summarize", Status.FAILED, 3, 9_500L)),
                    List.of(new SeedContent("transcript", "Episode 12 transcript", List.of("audio"), null))),
            new SeedRun("seed-run-social-1", "social-clips", Status.RUNNING, Duration.ofMinutes(10), 0.10,
                    List.of(new SeedStep("cut", Status.RUNNING, 1, null)),
                    List.of()),
            new SeedRun("seed-run-blog-2", "blog-post", Status.COMPLETED, Duration.ofHours(1), 0.95,
                    List.of(new SeedStep("outline", Status.COMPLETED, 1, 3_100L),
                            new SeedStep("draft", Status.COMPLETED, 1, 21_400L),
                            new SeedStep("edit", Status.COMPLETED, 2, 8_800L)),
                    List.of(new SeedContent("article", "Reactive data access on the JVM", List.of("java", "reactive"),
                            "grace"))),
            new SeedRun("seed-run-video-2", "video-production", Status.FAILED, Duration.ofHours(2), 1.35,
                    List.of(new SeedStep("script", Status.COMPLETED, 1, 12_000L),
                            new SeedStep("voiceover", Status.COMPLETED, 1, 64_000L),
                            new SeedStep("render", Status.FAILED, 3, 180_000L)),
                    List.of(new SeedContent("script", "AI automation, part 2 (script)", List.of("ai"), "ada"))),
            new SeedRun("seed-run-video-1", "video-production", Status.COMPLETED, Duration.ofHours(3), 4.20,
                    List.of(new SeedStep("script", Status.COMPLETED, 1, 11_000L),
                            new SeedStep("voiceover", Status.COMPLETED, 1, 58_000L),
                            new SeedStep("render", Status.COMPLETED, 2, 240_000L),
                            new SeedStep("publish", Status.COMPLETED, 1, 2_000L)),
                    List.of(new SeedContent("video", "AI automation explained", List.of("ai", "video"), "ada"),
                            new SeedContent("thumbnail", "AI automation explained (thumbnail)", List.of("image"),
                                    null))),
            new SeedRun("seed-run-blog-1", "blog-post", Status.COMPLETED, Duration.ofHours(5), 0.80,
                    List.of(new SeedStep("outline", Status.COMPLETED, 1, 2_900L),
                            new SeedStep("draft", Status.COMPLETED, 2, 30_100L),
                            new SeedStep("edit", Status.COMPLETED, 1, 7_700L)),
                    List.of(new SeedContent("article", "Five pipelines we retired", List.of("ops"), "grace"))),
            new SeedRun("seed-run-podcast-1", "podcast-summary", Status.FAILED, Duration.ofDays(3), 0.25,
                    List.of(new SeedStep("transcribe", Status.FAILED, 3, 5_000L)),
                    List.of()));

    /** The ids of the runs the seed records. */
    public static final List<String> RUN_IDS = RUNS.stream().map(SeedRun::id).toList();

    private final RefractClient db;

    /** A seed writing through {@code db}. */
    public PipelineSeed(RefractClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** What the seed recorded. */
    public record Seeded(List<PipelineRun> runs, List<ContentItem> contentItems, List<Session> sessions) {
    }

    /**
     * Removes what an earlier seed recorded, then records the sessions, the runs with their steps (one
     * create each, the steps nested), and the content items; times are {@code now} minus each run's age.
     */
    public Mono<Seeded> seed(Instant now) {
        return clear()
                .thenMany(Flux.fromIterable(SESSIONS).concatMap(this::createSession))
                .collectList()
                .flatMap(sessions -> Flux.fromIterable(RUNS).concatMap(run -> createRun(run, now)).collectList()
                        .flatMap(runs -> Flux.fromIterable(RUNS).concatMap(this::createContent).collectList()
                                .map(items -> new Seeded(runs, items, sessions))));
    }

    /** Deletes the seed's own records: its content items, its runs (their steps go with them) and its sessions. */
    public Mono<Void> clear() {
        List<String> sessionIds = SESSIONS.stream().map(SeedSession::id).toList();
        return db.contentItem().deleteMany(w -> w.runId().in(RUN_IDS))
                .then(db.pipelineRun().deleteMany(w -> w.id().in(RUN_IDS)))
                .then(db.session().deleteMany(w -> w.id().in(sessionIds)))
                .then();
    }

    private Mono<Session> createSession(SeedSession session) {
        return db.session().create(c -> c.id(session.id()).userId(session.user())
                .data_(Json.of(Map.of("theme", session.theme()))));
    }

    private Mono<PipelineRun> createRun(SeedRun run, Instant now) {
        Instant started = now.minus(run.age());
        return db.pipelineRun().create(c -> c
                .id(run.id())
                .name(run.pipeline())
                .status(run.status())
                .startedAt(started)
                .cost(run.cost())
                .metadata(Json.of(Map.of("topic", "AI automation")))
                .steps(steps -> {
                    for (int i = 0; i < run.steps().size(); i++) {
                        SeedStep step = run.steps().get(i);
                        int position = i + 1;
                        steps.create(s -> step(s, step, position, started));
                    }
                }));
    }

    private static void step(PipelineStepCreate create, SeedStep step, int position, Instant runStarted) {
        create.position(position)
                .name(step.name())
                .status(step.status())
                .attempts(step.attempts())
                .durationMs(step.durationMs())
                .createdAt(runStarted.plusSeconds(position));
    }

    private Flux<ContentItem> createContent(SeedRun run) {
        return Flux.fromIterable(run.content()).concatMap(content -> db.contentItem().create(c -> c
                .runId(run.id())
                .sessionId(content.user() == null ? null : "seed-session-" + content.user())
                .type(content.type())
                .title(content.title())
                .tags(content.tags())
                .metadata(Json.of(Map.of("words", content.title().length() * 40)))));
    }

    /** A user session of the seed. */
    record SeedSession(String id, String user, String theme) {
    }

    /** A run of the seed: how long ago it started, its steps in order and the content it produced. */
    record SeedRun(String id, String pipeline, Status status, Duration age, double cost, List<SeedStep> steps,
            List<SeedContent> content) {
    }

    /** A step of a seeded run; {@code durationMs} is {@code null} while it runs. */
    record SeedStep(String name, Status status, int attempts, Long durationMs) {
    }

    /** A content item of a seeded run; {@code user} names the session that asked for it, or is {@code null}. */
    record SeedContent(String type, String title, List<String> tags, String user) {
    }
}
