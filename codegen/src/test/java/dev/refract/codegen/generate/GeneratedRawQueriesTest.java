package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.meta.Provider;
import dev.refract.query.Operation;
import dev.refract.spi.Adapter;
import dev.refract.spi.AdapterConfig;
import dev.refract.spi.AdapterProvider;
import dev.refract.spi.Capabilities;
import dev.refract.spi.Executor;
import dev.refract.spi.RawColumns;
import dev.refract.spi.RawRow;
import dev.refract.spi.RawStatement;
import dev.refract.spi.Result;
import dev.refract.spi.Row;
import dev.refract.transaction.TransactionOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The raw SQL methods of the generated seed client: what each hands the adapter, and how the rows
 * come back — as maps, as a model's records through its mapper, as the caller's records.
 */
class GeneratedRawQueriesTest {

    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");

    private static final String SCENARIOS = """
            package com.example.app;

            import com.example.pipeline.db.PipelineRun;
            import com.example.pipeline.db.RefractClient;
            import dev.refract.spi.AdapterProvider;
            import org.reactivestreams.Publisher;

            public final class Scenarios {

                public record NameTotal(String name, int total) {}

                private Scenarios() {}

                private static RefractClient client(AdapterProvider provider) {
                    return RefractClient.builder().adapterProvider(provider).datasource("db", "r2dbc:postgresql://x/app").build();
                }

                public static Publisher<?> maps(AdapterProvider provider) {
                    return client(provider).queryRaw("db", "SELECT name, count(*) AS total FROM runs WHERE name = $1"
                            + " GROUP BY name", "video");
                }

                public static Publisher<?> runs(AdapterProvider provider) {
                    return client(provider).queryRaw("db", PipelineRun.class, "SELECT * FROM \\"PipelineRun\\" WHERE"
                            + " status = $1::\\"Status\\"", "FAILED");
                }

                public static Publisher<?> totals(AdapterProvider provider) {
                    return client(provider).queryRaw("db", NameTotal.class, "SELECT name, count(*) AS total FROM runs"
                            + " GROUP BY name");
                }

                public static Publisher<?> removeFrom(AdapterProvider provider, String table) {
                    return client(provider).executeRawUnsafe("db", "DELETE FROM " + table + " WHERE id = $1", "run-1");
                }

                public static Publisher<?> update(AdapterProvider provider) {
                    return client(provider).executeRaw("db", "UPDATE runs SET cost = $1 WHERE cost IS NULL", (Object) null);
                }

                public static Publisher<?> unsafeMaps(AdapterProvider provider) {
                    return client(provider).queryRawUnsafe("db", "SELECT 1");
                }

                public static Publisher<?> onRedis(AdapterProvider provider) {
                    return client(provider).queryRaw("cache", "GET x");
                }

                public static Publisher<?> onNowhere(AdapterProvider provider) {
                    return client(provider).executeRaw("dbb", "SELECT 1");
                }
            }
            """;

    private static SeedScenarios scenarios;

    @BeforeAll
    static void compile() {
        scenarios = SeedScenarios.compile("com.example.app.Scenarios", SCENARIOS);
    }

    /** A PostgreSQL adapter remembering the raw statements it is handed. */
    static final class RawRecorder implements Adapter, AdapterProvider {
        final List<RawStatement> statements = new CopyOnWriteArrayList<>();

        @Override
        public boolean supports(Provider provider) {
            return provider == Provider.POSTGRESQL;
        }

        @Override
        public Adapter create(AdapterConfig config) {
            return this;
        }

        @Override
        public Flux<Row> queryRaw(RawStatement statement) {
            statements.add(statement);
            if (statement.model().isPresent()) {
                return Flux.just(Row.of("run-1", "video-production", "FAILED", SINCE, SINCE, 1.25, null, null, null));
            }
            return Flux.just(RawRow.wrap(new RawColumns(List.of("name", "total")), new Object[] {"video", 3L}));
        }

        @Override
        public Mono<Long> executeRaw(RawStatement statement) {
            statements.add(statement);
            return Mono.just(2L);
        }

        @Override
        public Mono<Result> execute(Operation operation) {
            return Mono.error(new AssertionError("only raw statements here"));
        }

        @Override
        public Flux<Row> stream(Operation operation) {
            return Flux.error(new AssertionError("only raw statements here"));
        }

        @Override
        public <T> Flux<T> inTransaction(TransactionOptions options, Function<Executor, ? extends Publisher<T>> work) {
            return Flux.from(work.apply(this));
        }

        @Override
        public Capabilities capabilities() {
            return Capabilities.ALL;
        }

        @Override
        public Mono<Void> close() {
            return Mono.empty();
        }
    }

    @Test
    void queryRawBindsTheArgumentsAndReadsRowsAsMaps() throws Exception {
        RawRecorder adapter = new RawRecorder();

        Object publisher = scenarios.run("maps", adapter);
        assertThat(adapter.statements).as("nothing runs before subscription").isEmpty();

        assertThat(SeedScenarios.collect(publisher)).containsExactly(Map.of("name", "video", "total", 3L));
        assertThat(adapter.statements).containsExactly(RawStatement.of(
                "SELECT name, count(*) AS total FROM runs WHERE name = $1 GROUP BY name", "video"));
    }

    @Test
    void aModelsRecordClassReadsRowsOfThatModelThroughItsMapper() throws Exception {
        RawRecorder adapter = new RawRecorder();

        List<Object> runs = SeedScenarios.collect(scenarios.run("runs", adapter));

        assertThat(adapter.statements.get(0).model()).hasValue(0);
        assertThat(runs).singleElement().hasToString(
                "PipelineRun[id=run-1, name=video-production, status=FAILED, startedAt=2026-01-01T00:00:00Z,"
                        + " updatedAt=2026-01-01T00:00:00Z, cost=1.25, metadata=null, steps=NotLoaded[model=PipelineRun,"
                        + " field=steps], contentItems=NotLoaded[model=PipelineRun, field=contentItems],"
                        + " relationCounts=null]");
    }

    @Test
    void anyOtherRecordClassTakesTheColumnsOfItsComponentsNames() throws Exception {
        RawRecorder adapter = new RawRecorder();

        List<Object> totals = SeedScenarios.collect(scenarios.run("totals", adapter));

        assertThat(adapter.statements.get(0).model()).isEmpty();
        assertThat(totals).singleElement().hasToString("NameTotal[name=video, total=3]");
    }

    @Test
    void theUnsafeFormsSendTheirTextAsGivenAndStillBindTheirArguments() throws Exception {
        RawRecorder adapter = new RawRecorder();

        assertThat(SeedScenarios.collect(scenarios.run("removeFrom", adapter, "\"PipelineRun\""))).containsExactly(2L);
        SeedScenarios.collect(scenarios.run("unsafeMaps", adapter));

        assertThat(adapter.statements).containsExactly(
                RawStatement.unsafe("DELETE FROM \"PipelineRun\" WHERE id = $1", "run-1"),
                RawStatement.unsafe("SELECT 1"));
    }

    @Test
    void executeRawReturnsTheCountAndBindsANull() throws Exception {
        RawRecorder adapter = new RawRecorder();

        assertThat(SeedScenarios.collect(scenarios.run("update", adapter))).containsExactly(2L);
        assertThat(adapter.statements.get(0).arguments()).containsExactly((Object) null);
    }

    @Test
    void aDatasourceWithoutSqlOrUnknownToTheSchemaIsSignalled() throws Exception {
        RawRecorder adapter = new RawRecorder();

        assertThatThrownBy(() -> SeedScenarios.collect(scenarios.run("onRedis", adapter)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("'cache' (provider redis)");
        assertThatThrownBy(() -> SeedScenarios.collect(scenarios.run("onNowhere", adapter)))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("db, docs, cache");
        assertThat(adapter.statements).isEmpty();
    }
}
