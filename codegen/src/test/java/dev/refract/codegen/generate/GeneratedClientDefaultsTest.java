package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.json.Json;
import dev.refract.meta.Provider;
import dev.refract.query.Operation;
import dev.refract.query.WriteData;
import dev.refract.query.WriteData.FieldWrite;
import dev.refract.query.WriteData.WriteOp;
import dev.refract.spi.Row;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Drives creates and updates of the generated seed client against a recording adapter and checks
 * what reaches the adapter: generated ids, {@code now()} and {@code @updatedAt} filled in by the
 * client, on a fixed clock.
 */
class GeneratedClientDefaultsTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:15:30.123456Z");
    private static final Instant NOW_MILLIS = Instant.parse("2026-11-21T10:15:30.123Z");

    private static final int RUN_ID = 0;
    private static final int RUN_NAME = 1;
    private static final int RUN_STATUS = 2;
    private static final int RUN_STARTED_AT = 3;
    private static final int RUN_UPDATED_AT = 4;
    private static final int RUN_COST = 5;
    private static final int STEP_ID = 0;
    private static final int STEP_CREATED_AT = 9;

    /** Calls the generated client, built with the test's clock through the generated builder. */
    private static final String SCENARIOS = """
            package com.example.pipeline.db;

            import dev.refract.spi.AdapterProvider;
            import java.time.Clock;
            import java.time.Instant;
            import java.util.List;
            import org.reactivestreams.Publisher;

            public final class DefaultsScenarios {

                private DefaultsScenarios() {}

                private static RefractClient client(AdapterProvider provider, Clock clock) {
                    return RefractClient.builder().adapterProvider(provider)
                            .datasource("db", "r2dbc:postgresql://x/app").clock(clock).build();
                }

                public static Publisher<?> createRun(AdapterProvider provider, Clock clock) {
                    return client(provider, clock).pipelineRun().create(c -> c.name("video-production"));
                }

                public static Publisher<?> createRunWithOwnValues(AdapterProvider provider, Clock clock, Instant when) {
                    return client(provider, clock).pipelineRun()
                            .create(c -> c.id("my-run").name("video-production").startedAt(when).updatedAt(when));
                }

                public static Publisher<?> renameRun(AdapterProvider provider, Clock clock) {
                    return client(provider, clock).pipelineRun()
                            .update(w -> w.id("run-1"), d -> d.name("renamed"));
                }

                public static Publisher<?> renameRunAt(AdapterProvider provider, Clock clock, Instant when) {
                    return client(provider, clock).pipelineRun()
                            .update(w -> w.id("run-1"), d -> d.name("renamed").updatedAt(when));
                }

                public static Publisher<?> touchRuns(AdapterProvider provider, Clock clock) {
                    return client(provider, clock).pipelineRun()
                            .updateMany(w -> w.status().eq(Status.RUNNING), d -> d.status(Status.FAILED));
                }

                public static Publisher<?> upsertRun(AdapterProvider provider, Clock clock) {
                    return client(provider, clock).pipelineRun()
                            .upsert(w -> w.id("run-1"), c -> c.name("new"), u -> u.name("old"));
                }

                public static Publisher<?> createRuns(AdapterProvider provider, Clock clock) {
                    return client(provider, clock).pipelineRun().createMany(List.of(
                            new PipelineRunCreate().name("a"), new PipelineRunCreate().name("b")));
                }

                public static Publisher<?> createStep(AdapterProvider provider, Clock clock) {
                    return client(provider, clock).pipelineStep()
                            .create(c -> c.runId("run-1").position(1).name("script"));
                }
            }
            """;

    private static SeedScenarios scenarios;

    @BeforeAll
    static void compile() {
        scenarios = SeedScenarios.compile("com.example.pipeline.db.DefaultsScenarios", SCENARIOS);
    }

    private static Object scenario(String name, Object... arguments) throws Exception {
        return scenarios.run(name, arguments);
    }

    private static RecordingAdapter adapter() {
        Row run = Row.of("run-1", "video-production", "PENDING", NOW_MILLIS, NOW_MILLIS, 0.0, Json.parse("{}"), null, null);
        return new RecordingAdapter(Provider.POSTGRESQL, List.of(run));
    }

    private static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    private static Operation run(String scenario, RecordingAdapter adapter, Object... more) throws Exception {
        Object[] arguments = new Object[2 + more.length];
        arguments[0] = adapter;
        arguments[1] = clock();
        System.arraycopy(more, 0, arguments, 2, more.length);
        ((Mono<?>) scenario(scenario, arguments)).block();
        return adapter.operations().get(adapter.operations().size() - 1);
    }

    private static Object value(WriteData data, int field) {
        return data.writes().stream().filter(w -> w.field() == field).findFirst()
                .map(FieldWrite::value).orElseThrow(() -> new AssertionError("no write of field " + field + " in " + data));
    }

    private static FieldWrite set(int field, Object value) {
        return new FieldWrite(field, WriteOp.SET, value);
    }

    @Test
    void createWithoutIdGetsACuidAndTheCallsTimeForStartedAtAndUpdatedAt() throws Exception {
        Operation.Create create = (Operation.Create) run("createRun", adapter());

        assertThat((String) value(create.data(), RUN_ID)).matches("c[0-9a-z]{24}")
                .startsWith("c" + Long.toString(NOW.toEpochMilli(), 36));
        assertThat(value(create.data(), RUN_STARTED_AT)).isEqualTo(NOW_MILLIS);
        assertThat(value(create.data(), RUN_UPDATED_AT)).isEqualTo(NOW_MILLIS);
        assertThat(create.data().writes()).extracting(FieldWrite::field)
                .as("literal defaults are the database's").containsExactly(RUN_ID, RUN_NAME, RUN_STARTED_AT, RUN_UPDATED_AT)
                .doesNotContain(RUN_STATUS, RUN_COST);
    }

    @Test
    void valuesTheCallerSetWin() throws Exception {
        Instant when = Instant.parse("2025-05-05T05:05:05Z");

        Operation.Create create = (Operation.Create) run("createRunWithOwnValues", adapter(), when);

        assertThat(create.data()).isEqualTo(new WriteData(List.of(set(RUN_ID, "my-run"),
                set(RUN_NAME, "video-production"), set(RUN_STARTED_AT, when), set(RUN_UPDATED_AT, when))));
    }

    @Test
    void updateSetsUpdatedAtToTheCallsTimeUnlessGiven() throws Exception {
        Instant when = Instant.parse("2025-05-05T05:05:05Z");

        Operation.Update update = (Operation.Update) run("renameRun", adapter());
        Operation.Update given = (Operation.Update) run("renameRunAt", adapter(), when);

        assertThat(update.data()).isEqualTo(new WriteData(List.of(set(RUN_NAME, "renamed"), set(RUN_UPDATED_AT, NOW_MILLIS))));
        assertThat(given.data()).isEqualTo(new WriteData(List.of(set(RUN_NAME, "renamed"), set(RUN_UPDATED_AT, when))));
    }

    @Test
    void updateManyAndUpsertSetUpdatedAt() throws Exception {
        Operation.UpdateMany many = (Operation.UpdateMany) run("touchRuns", adapter());
        Operation.Upsert upsert = (Operation.Upsert) run("upsertRun", adapter());

        assertThat(value(many.data(), RUN_UPDATED_AT)).isEqualTo(NOW_MILLIS);
        assertThat(value(upsert.update(), RUN_UPDATED_AT)).isEqualTo(NOW_MILLIS);
        assertThat(value(upsert.create(), RUN_UPDATED_AT)).isEqualTo(NOW_MILLIS);
        assertThat(value(upsert.create(), RUN_STARTED_AT)).isEqualTo(NOW_MILLIS);
        assertThat((String) value(upsert.create(), RUN_ID)).matches("c[0-9a-z]{24}");
    }

    @Test
    void everyNowAndUpdatedAtOfOneCallShareOneInstant() throws Exception {
        Operation.CreateMany many = (Operation.CreateMany) run("createRuns", adapter());

        assertThat(many.data()).hasSize(2);
        assertThat(many.data()).flatExtracting(d -> List.of(value(d, RUN_STARTED_AT), value(d, RUN_UPDATED_AT)))
                .containsOnly(NOW_MILLIS);
        assertThat(value(many.data().get(0), RUN_ID)).isNotEqualTo(value(many.data().get(1), RUN_ID));
    }

    @Test
    void stepGetsAVersionSevenUuidAndItsCreationTime() throws Exception {
        Row step = Row.of("step-1", null, "run-1", 1, "script", "PENDING", 0, null, null, NOW_MILLIS);
        Operation.Create create = (Operation.Create) run("createStep", new RecordingAdapter(Provider.POSTGRESQL, List.of(step)));

        String id = (String) value(create.data(), STEP_ID);
        assertThat(java.util.UUID.fromString(id).version()).isEqualTo(7);
        assertThat(java.util.UUID.fromString(id).getMostSignificantBits() >>> 16).isEqualTo(NOW.toEpochMilli());
        assertThat(value(create.data(), STEP_CREATED_AT)).isEqualTo(NOW_MILLIS);
    }
}
