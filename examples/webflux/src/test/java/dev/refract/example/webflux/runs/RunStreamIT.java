package dev.refract.example.webflux.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.example.webflux.PipelineApiTest;
import dev.refract.example.webflux.TestServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET /runs/stream} as newline-delimited JSON and as server-sent events, chosen by {@code Accept}. */
@PipelineApiTest
class RunStreamIT {

    private static final TestServers SERVERS = TestServers.start("RunStreamIT");
    private static final int RUNS = 12;

    @Autowired
    private WebTestClient http;

    /** The ids of the runs the class created, in the order they were created. */
    private static final List<String> CREATED = new ArrayList<>();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SERVERS.register(registry);
    }

    @BeforeAll
    static void createRuns(@Autowired WebTestClient http) {
        for (int i = 0; i < RUNS; i++) {
            CREATED.add(http.post().uri("/runs").bodyValue(Map.of("name", "streamed-" + i)).exchange()
                    .expectStatus().isCreated().expectBody(RunView.class).returnResult().getResponseBody().id());
        }
    }

    @AfterAll
    static void drop() {
        SERVERS.close();
    }

    @Test
    void ndjsonHasOneRunALineInIdOrder() {
        List<String> created = CREATED;

        String body = http.get().uri("/runs/stream").accept(MediaType.APPLICATION_NDJSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_NDJSON)
                .expectBody(String.class).returnResult().getResponseBody();

        List<String> lines = body.lines().toList();
        assertThat(lines).hasSize(created.size());
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{\"id\":\"").endsWith("}"));
        List<String> streamed = http.get().uri("/runs/stream").accept(MediaType.APPLICATION_NDJSON).exchange()
                .returnResult(RunView.class).getResponseBody().map(RunView::id).collectList().block();
        assertThat(streamed).containsExactlyElementsOf(created.stream().sorted().toList());
    }

    @Test
    void serverSentEventsCarryEachRunWithItsIdAsTheEventId() {
        List<String> created = CREATED;

        String body = http.get().uri("/runs/stream").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class).returnResult().getResponseBody();

        String first = created.stream().sorted().findFirst().orElseThrow();
        assertThat(body).startsWith("id:" + first + "\nevent:run\ndata:{\"id\":\"" + first + "\"");
        assertThat(body.split("\n\n")).hasSize(created.size())
                .allSatisfy(event -> assertThat(event.lines().toList()).hasSize(3));
    }

    @Test
    void eventStreamResumesAfterTheLastEventId() {
        List<String> sorted = CREATED.stream().sorted().toList();
        String lastSeen = sorted.get(4);

        List<ServerSentEvent<RunView>> events = http.get().uri("/runs/stream").accept(MediaType.TEXT_EVENT_STREAM)
                .header("Last-Event-ID", lastSeen).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<RunView>>() { })
                .getResponseBody().collectList().block();

        assertThat(events).extracting(ServerSentEvent::id).containsExactlyElementsOf(sorted.subList(5, sorted.size()));
        assertThat(events).allSatisfy(event -> {
            assertThat(event.event()).isEqualTo("run");
            assertThat(event.data().id()).isEqualTo(event.id());
        });
    }

    @Test
    void streamFiltersByStatusAndResumesAfterAnId() {
        List<String> sorted = CREATED.stream().sorted().toList();

        List<String> after = http.get().uri("/runs/stream?after={id}", sorted.get(RUNS - 3))
                .accept(MediaType.APPLICATION_NDJSON).exchange()
                .returnResult(RunView.class).getResponseBody().map(RunView::id).collectList().block();
        List<String> completed = http.get().uri("/runs/stream?status=COMPLETED")
                .accept(MediaType.APPLICATION_NDJSON).exchange()
                .returnResult(RunView.class).getResponseBody().map(RunView::id).collectList().block();

        assertThat(after).containsExactlyElementsOf(sorted.subList(RUNS - 2, RUNS));
        assertThat(completed).isEmpty();
    }
}
