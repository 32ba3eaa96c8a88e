package dev.refract.example.webflux.steps;

import dev.refract.example.webflux.db.RefractClient;
import dev.refract.error.ForeignKeyViolationException;
import dev.refract.error.RecordNotFoundException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /runs/{runId}/steps}. A run or step that does not exist answers 404; a step at a position its run
 * already has answers 409 naming {@code runId} and {@code position}, the schema's
 * {@code @@unique([runId, position])} (both through
 * {@link dev.refract.example.webflux.problems.RefractProblems}).
 */
@RestController
@RequestMapping("/runs/{runId}/steps")
public class StepController {

    private final RefractClient db;

    public StepController(RefractClient db) {
        this.db = db;
    }

    /** The steps of run {@code runId} in position order, read with the run in one call. */
    @GetMapping
    public Flux<StepView> list(@PathVariable("runId") String runId) {
        return db.pipelineRun()
                .findUniqueOrThrow(q -> q.where(w -> w.id(runId))
                        .include(i -> i.steps(s -> s.orderBy(o -> o.position().asc()))))
                .flatMapIterable(run -> run.steps().get())
                .map(StepView::of);
    }

    /** The step at {@code position} of run {@code runId}, found by the compound key {@code (runId, position)}. */
    @GetMapping("/{position}")
    public Mono<StepView> get(@PathVariable("runId") String runId, @PathVariable("position") int position) {
        return db.pipelineStep().findUniqueOrThrow(q -> q.where(w -> w.runIdPosition(runId, position)))
                .map(StepView::of);
    }

    /** Adds a step to run {@code runId}; 201 with the step and its location, 404 when the run does not exist. */
    @PostMapping
    public Mono<ResponseEntity<StepView>> add(@PathVariable("runId") String runId, @Valid @RequestBody NewStep body) {
        return db.pipelineStep().create(c -> body.fill(runId, c))
                // the step's foreign key names a run that is not there: to the caller, that run is not found
                .onErrorMap(ForeignKeyViolationException.class, e -> new RecordNotFoundException("PipelineRun",
                        List.of("id"), "No pipeline run has the id '" + runId + "'", e))
                .map(StepView::of)
                .map(step -> ResponseEntity.created(URI.create("/runs/" + runId + "/steps/" + step.position()))
                        .body(step));
    }
}
