package dev.refract.example.webflux.steps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.example.webflux.PipelineApiTest;
import dev.refract.example.webflux.TestServers;
import dev.refract.example.webflux.runs.RunView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /runs/{runId}/steps} over HTTP, against PostgreSQL. */
@PipelineApiTest
class StepApiIT {

    private static final TestServers SERVERS = TestServers.start("StepApiIT");

    @Autowired
    private WebTestClient http;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SERVERS.register(registry);
    }

    @AfterAll
    static void drop() {
        SERVERS.close();
    }

    @Test
    void stepsAreListedInPositionOrderWhateverOrderTheyWereAddedIn() {
        String runId = createRun("ordered");
        add(runId, 3, "publish").expectStatus().isCreated();
        add(runId, 1, "script").expectStatus().isCreated()
                .expectHeader().valueEquals("Location", "/runs/" + runId + "/steps/1");
        add(runId, 2, "render").expectStatus().isCreated();

        List<StepView> steps = http.get().uri("/runs/{runId}/steps", runId).exchange()
                .expectStatus().isOk().expectBodyList(StepView.class).returnResult().getResponseBody();

        assertThat(steps).extracting(StepView::position).containsExactly(1, 2, 3);
        assertThat(steps).extracting(StepView::name).containsExactly("script", "render", "publish");
        assertThat(steps).allSatisfy(step -> assertThat(step.runId()).isEqualTo(runId));
    }

    @Test
    void stepIsFoundByItsRunAndPosition() {
        String runId = createRun("by-position");
        add(runId, 1, "script").expectStatus().isCreated();

        http.get().uri("/runs/{runId}/steps/1", runId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.name").isEqualTo("script").jsonPath("$.status").isEqualTo("PENDING");
        http.get().uri("/runs/{runId}/steps/2", runId).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("R2025");
    }

    @Test
    void stepAtATakenPositionIsAConflictNamingTheUniqueKey() {
        String runId = createRun("duplicate");
        add(runId, 1, "script").expectStatus().isCreated();

        add(runId, 1, "script again").expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(409)
                .jsonPath("$.code").isEqualTo("R2002")
                .jsonPath("$.model").isEqualTo("PipelineStep")
                .jsonPath("$.fields").value(fields -> assertThat(names(fields))
                        .containsExactlyInAnyOrder("runId", "position"));
    }

    @Test
    void stepsOfAnUnknownRunAreNotFound() {
        http.get().uri("/runs/{runId}/steps", "no-such-run").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("R2025");
    }

    @Test
    void stepAddedToAnUnknownRunIsNotFound() {
        add("no-such-run", 1, "script").expectStatus().isNotFound()
                .expectBody()
                .jsonPath("$.code").isEqualTo("R2025")
                .jsonPath("$.model").isEqualTo("PipelineRun");
    }

    @Test
    void stepWithoutPositionOrNameIsRefusedNamingBoth() {
        String runId = createRun("invalid-step");
        http.post().uri("/runs/{runId}/steps", runId).bodyValue(Map.of("name", "")).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(names(fields))
                        .containsExactlyInAnyOrder("name", "position"));
    }

    private WebTestClient.ResponseSpec add(String runId, int position, String name) {
        return http.post().uri("/runs/{runId}/steps", runId).bodyValue(Map.of("position", position, "name", name))
                .exchange();
    }

    private String createRun(String name) {
        return http.post().uri("/runs").bodyValue(Map.of("name", name)).exchange()
                .expectStatus().isCreated().expectBody(RunView.class).returnResult().getResponseBody().id();
    }

    @SuppressWarnings("unchecked")
    private static List<String> names(Object fields) {
        return (List<String>) fields;
    }
}
