package dev.refract.example.webflux.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.cache.CacheStatistics;
import dev.refract.example.webflux.PipelineApiTest;
import dev.refract.example.webflux.TestServers;
import dev.refract.example.webflux.db.RefractClient;
import dev.refract.example.webflux.db.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /runs} over HTTP, against PostgreSQL and the Redis cache. */
@PipelineApiTest
class RunApiIT {

    private static final TestServers SERVERS = TestServers.start("RunApiIT");

    @Autowired
    private WebTestClient http;

    @Autowired
    private RefractClient db;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SERVERS.register(registry);
    }

    @AfterAll
    static void drop() {
        SERVERS.close();
    }

    @Test
    void createdRunIsReturnedWithItsLocationAndDefaults() {
        RunView run = http.post().uri("/runs").bodyValue(Map.of("name", "video-production",
                        "metadata", Map.of("topic", "AI automation")))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/runs/"))
                .expectBody(RunView.class).returnResult().getResponseBody();

        assertThat(run.name()).isEqualTo("video-production");
        assertThat(run.status()).isEqualTo(Status.PENDING);
        assertThat(run.cost()).isZero();
        http.get().uri("/runs/{id}", run.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.metadata.topic").isEqualTo("AI automation");
    }

    @Test
    void blankNameIsRefusedWith400NamingTheField() {
        http.post().uri("/runs").bodyValue(Map.of("name", "  ")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo("name")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("name"));
    }

    @Test
    void missingNameAndNegativeCostAreBothNamed() {
        http.post().uri("/runs").bodyValue(Map.of("cost", -1)).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fieldNames(fields))
                        .containsExactlyInAnyOrder("name", "cost"));
    }

    @Test
    void unknownRunIsNotFoundWithRefractsCode() {
        http.get().uri("/runs/{id}", "no-such-run").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("R2025")
                .jsonPath("$.model").isEqualTo("PipelineRun")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("PipelineRun").doesNotStartWith("[R2025]"));
    }

    @Test
    void secondLookUpOfARunIsAnsweredByTheCache() {
        String id = create("cached-look-up").id();
        CacheStatistics before = db.core().cacheStatistics();

        RunView first = http.get().uri("/runs/{id}", id).exchange()
                .expectStatus().isOk().expectBody(RunView.class).returnResult().getResponseBody();
        CacheStatistics afterFirst = db.core().cacheStatistics();
        RunView second = http.get().uri("/runs/{id}", id).exchange()
                .expectStatus().isOk().expectBody(RunView.class).returnResult().getResponseBody();
        CacheStatistics afterSecond = db.core().cacheStatistics();

        assertThat(second).isEqualTo(first);
        assertThat(afterFirst.misses() - before.misses()).as("the first look-up reads PostgreSQL").isEqualTo(1);
        assertThat(afterSecond.hits() - afterFirst.hits()).as("the second is a cache hit").isEqualTo(1);
        assertThat(afterSecond.misses()).as("and does not read PostgreSQL").isEqualTo(afterFirst.misses());
        assertThat(SERVERS.redis().keys()).anyMatch(key -> key.contains(id));
    }

    @Test
    void freshLookUpBypassesTheCache() {
        String id = create("fresh-look-up").id();
        http.get().uri("/runs/{id}", id).exchange().expectStatus().isOk();
        CacheStatistics before = db.core().cacheStatistics();

        http.get().uri("/runs/{id}?fresh=true", id).exchange().expectStatus().isOk();

        CacheStatistics after = db.core().cacheStatistics();
        assertThat(after.hits()).isEqualTo(before.hits());
        assertThat(after.misses()).isEqualTo(before.misses());
    }

    @Test
    void statusChangeIsSeenByTheNextCachedLookUp() {
        String id = create("status-change").id();
        http.get().uri("/runs/{id}", id).exchange().expectStatus().isOk();

        http.patch().uri("/runs/{id}", id).bodyValue(Map.of("status", "RUNNING")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RUNNING");

        http.get().uri("/runs/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RUNNING");
    }

    @Test
    void statusChangeOfAnUnknownRunIsNotFound() {
        http.patch().uri("/runs/{id}", "no-such-run").bodyValue(Map.of("status", "FAILED")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("R2025");
    }

    @Test
    void statusChangeWithoutAStatusIsRefusedNamingTheField() {
        String id = create("no-status").id();
        http.patch().uri("/runs/{id}", id).bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void deletedRunIsGoneAlsoFromTheCache() {
        String id = create("deleted").id();
        http.get().uri("/runs/{id}", id).exchange().expectStatus().isOk();

        http.delete().uri("/runs/{id}", id).exchange().expectStatus().isNoContent();

        http.get().uri("/runs/{id}", id).exchange().expectStatus().isNotFound();
        http.delete().uri("/runs/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void listFiltersByStatusAndNamePrefixAndPagesNewestFirst() {
        String prefix = "paged-" + System.nanoTime() + "-";
        for (int i = 0; i < 5; i++) {
            create(prefix + i);
        }
        String failed = create(prefix + "failed").id();
        http.patch().uri("/runs/{id}", failed).bodyValue(Map.of("status", "FAILED")).exchange()
                .expectStatus().isOk();

        List<RunView> firstPage = list("/runs?name={prefix}&size=4", prefix);
        List<RunView> secondPage = list("/runs?name={prefix}&size=4&page=1", prefix);
        List<RunView> onlyFailed = list("/runs?name={prefix}&status=FAILED", prefix);

        assertThat(firstPage).hasSize(4);
        assertThat(secondPage).hasSize(2);
        assertThat(firstPage).extracting(RunView::startedAt)
                .isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(firstPage.get(firstPage.size() - 1).startedAt())
                .isAfterOrEqualTo(secondPage.get(0).startedAt());
        assertThat(onlyFailed).extracting(RunView::id).containsExactly(failed);
    }

    @Test
    void pageSizeOutOfRangeIsRefusedNamingTheParameter() {
        http.get().uri("/runs?size=0").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        http.get().uri("/runs?size={size}", RunController.MAX_PAGE_SIZE + 1).exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void unknownStatusIsABadRequest() {
        http.get().uri("/runs?status=SLEEPING").exchange().expectStatus().isBadRequest();
    }

    private RunView create(String name) {
        return http.post().uri("/runs").bodyValue(Map.of("name", name)).exchange()
                .expectStatus().isCreated().expectBody(RunView.class).returnResult().getResponseBody();
    }

    private List<RunView> list(String uri, Object... variables) {
        return http.get().uri(uri, variables).exchange()
                .expectStatus().isOk().expectBodyList(RunView.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fieldNames(Object fields) {
        return (List<String>) fields;
    }
}
