package dev.refract.example.webflux.runs;

import dev.refract.example.webflux.db.PipelineRunFindMany;
import dev.refract.example.webflux.db.RefractClient;
import dev.refract.example.webflux.db.Status;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /runs}: every handler returns the client's {@code Mono} or {@code Flux} as it is, so a request
 * holds no thread while the database works, and a streamed response is read from the database only as
 * fast as the HTTP client takes it. A run that does not exist answers 404 through
 * {@link dev.refract.example.webflux.problems.RefractProblems}.
 */
@RestController
@RequestMapping("/runs")
public class RunController {

    /** The most runs one page of {@code GET /runs} holds. */
    public static final int MAX_PAGE_SIZE = 100;

    /** The last page {@code GET /runs} serves; deeper reads stream with {@code after} instead. */
    public static final int MAX_PAGE = 100_000;

    private final RefractClient db;

    public RunController(RefractClient db) {
        this.db = db;
    }

    /**
     * One page of runs, newest first; {@code status} and {@code name} (a prefix) filter them when given.
     * Pages count from 0 to {@value #MAX_PAGE}; {@code size} is 1 to {@value #MAX_PAGE_SIZE}.
     */
    @GetMapping
    public Flux<RunView> list(@RequestParam(name = "status", required = false) Status status,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "page", defaultValue = "0") @Min(0) @Max(MAX_PAGE) int page,
            @RequestParam(name = "size", defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        return db.pipelineRun().findMany(q -> q.where(w -> {
                    if (status != null) {
                        w.status().eq(status);
                    }
                    if (name != null) {
                        w.name().startsWith(name);
                    }
                }).orderBy(o -> o.startedAt().desc()).orderBy(o -> o.id().asc())
                .skip(page * size).take(size))
                .map(RunView::of);
    }

    /**
     * Every run (of {@code status}, when given) in id order, as newline-delimited JSON: one run a line,
     * each sent as soon as it is read. {@code after} resumes after the run of that id.
     */
    @GetMapping(path = "/stream", produces = MediaType.APPLICATION_NDJSON_VALUE)
    public Flux<RunView> stream(@RequestParam(name = "status", required = false) Status status,
            @RequestParam(name = "after", required = false) String after) {
        return db.pipelineRun().findMany(q -> inIdOrder(q, status, after)).map(RunView::of);
    }

    /**
     * The same stream as server-sent events: one {@code run} event each, whose id is the run's id, so a
     * browser's {@code EventSource} that reconnects resumes where it stopped ({@code Last-Event-ID}).
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<RunView>> events(@RequestParam(name = "status", required = false) Status status,
            @RequestParam(name = "after", required = false) String after,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        String resumeAfter = after != null ? after : lastEventId;
        return db.pipelineRun().findMany(q -> inIdOrder(q, status, resumeAfter))
                .map(run -> ServerSentEvent.builder(RunView.of(run)).id(run.id()).event("run").build());
    }

    /**
     * The run {@code id}, from the Redis cache while it is fresh there ({@code @@cache} in the schema);
     * {@code fresh=true} reads PostgreSQL instead.
     */
    @GetMapping("/{id}")
    public Mono<RunView> get(@PathVariable("id") String id,
            @RequestParam(name = "fresh", defaultValue = "false") boolean fresh) {
        return db.pipelineRun().findUniqueOrThrow(q -> {
            q.where(w -> w.id(id));
            if (fresh) {
                q.noCache();
            }
        }).map(RunView::of);
    }

    /** Creates a run; 201 with its location, 400 naming each field of the body that is not valid. */
    @PostMapping
    public Mono<ResponseEntity<RunView>> create(@Valid @RequestBody NewRun body) {
        return db.pipelineRun().create(body::fill).map(RunView::of)
                .map(run -> ResponseEntity.created(URI.create("/runs/" + run.id())).body(run));
    }

    /** Moves the run {@code id} to another status; the cached copy is invalidated by the write. */
    @PatchMapping("/{id}")
    public Mono<RunView> changeStatus(@PathVariable("id") String id, @Valid @RequestBody StatusChange change) {
        return db.pipelineRun().update(w -> w.id(id), d -> d.status(change.status())).map(RunView::of);
    }

    /** Deletes the run {@code id} and, by the schema's cascade, its steps; 204. */
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable("id") String id) {
        return db.pipelineRun().delete(w -> w.id(id)).thenReturn(ResponseEntity.noContent().build());
    }

    private static void inIdOrder(PipelineRunFindMany query, Status status, String after) {
        query.where(w -> {
            if (status != null) {
                w.status().eq(status);
            }
            if (after != null) {
                w.id().gt(after);
            }
        }).orderBy(o -> o.id().asc());
    }
}
