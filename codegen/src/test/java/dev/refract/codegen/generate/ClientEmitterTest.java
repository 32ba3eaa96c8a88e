package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientEmitterTest {

    @Test
    void emitsOneAccessorPerModelCloseAndBuilder() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new ClientEmitter(context).emit());

        assertThat(source).contains("public final class RefractClient implements AutoCloseable, GeneratedClient")
                .contains("public PipelineRunDelegate pipelineRun()")
                .contains("public PipelineStepDelegate pipelineStep()")
                .contains("public ContentItemDelegate contentItem()")
                .contains("public SessionDelegate session()")
                .contains("public void close()")
                .contains("public Mono<Void> closeAsync()")
                .contains("public Builder datasource(String name, String url)")
                .contains("public Builder poolSize(String name, int size)")
                .contains("Datasources of this schema: db, docs, cache.")
                .contains("return of(options.build());");
    }

    @Test
    void emitsTheFactoryAndCoreThatFrameworksManagingTheClientUse() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new ClientEmitter(context).emit());

        assertThat(source).contains("public static RefractClient of(ClientOptions options) {")
                .contains("return new RefractClient(ClientCore.create(RefractClientMetadata.SCHEMA, options));")
                .contains("@Override\n    public ClientCore core() {\n        return core;");
    }

    @Test
    void emitsTheRawSqlMethodsWithTheirUnsafeForms() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new ClientEmitter(context).emit());

        assertThat(source)
                .contains("public Flux<Map<String, Object>> queryRaw(String datasource, String sql, Object... args)")
                .contains("public <R> Flux<R> queryRaw(String datasource, Class<R> type, String sql, Object... args)")
                .contains("public Mono<Long> executeRaw(String datasource, String sql, Object... args)")
                .contains("public Flux<Map<String, Object>> queryRawUnsafe(String datasource, String sql,")
                .contains("public <R> Flux<R> queryRawUnsafe(String datasource, Class<R> type, String sql,")
                .contains("public Mono<Long> executeRawUnsafe(String datasource, String sql, Object... args)")
                .contains("return core.queryRaw(datasource, () -> RawStatement.of(sql, args));")
                .contains("return core.executeRaw(datasource, () -> RawStatement.unsafe(sql, args));")
                .contains("if (type == PipelineRun.class) {")
                .contains("return core.queryRaw(datasource, 0, row -> type.cast(PipelineRunMapper.map(row)), statement);")
                .contains("@param datasource the name of the SQL datasource to run on (db)")
                .contains("Never build the text from input a user\n")
                .doesNotContain("java.lang.Object");
    }

    @Test
    void writesObjectAndClassInFullWhenModelsOfTheSchemaTakeTheirNames() {
        List<GeneratedFile> files = SchemaText.generate("""
                model Object {
                  id Int @id
                }

                model class {
                  id Int @id
                }
                """);

        assertThat(SchemaText.file(files, "RefractClient"))
                .contains("queryRaw(String datasource, java.lang.Class<R> type, String sql,")
                .contains("java.lang.Object... args")
                .contains("Flux<Map<String, java.lang.Object>>");
        SchemaText.assertCompiles(files);
    }

    @Test
    void emitsInteractiveAndBatchTransactionsWithAndWithoutOptions() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new ClientEmitter(context).emit());

        assertThat(source)
                .contains("public <T> Flux<T> transaction(Function<RefractClient, ? extends Publisher<T>> work) {\n"
                        + "        return transaction(TransactionOptions.defaults(), work);")
                .contains("public <T> Flux<T> transaction(TransactionOptions options,\n"
                        + "            Function<RefractClient, ? extends Publisher<T>> work) {\n"
                        + "        return core.transaction(options, () -> work.apply(this));")
                .contains("public Mono<List<Object>> transaction(List<? extends Publisher<?>> operations) {\n"
                        + "        return transaction(TransactionOptions.defaults(), operations);")
                .contains("public Mono<List<Object>> transaction(TransactionOptions options,\n"
                        + "            List<? extends Publisher<?>> operations) {\n"
                        + "        return core.transaction(options, operations);")
                .contains("import dev.refract.transaction.TransactionOptions;");
    }

    @Test
    void emitsSagaThatStartsASagaOfTheCore() {
        GenerationContext context = Emitted.seedContext();

        String source = Emitted.render(context, new ClientEmitter(context).emit());

        assertThat(source)
                .contains("public Saga saga() {\n        return core.saga();")
                .contains("import dev.refract.saga.Saga;")
                .contains(".step(\"first\", done -> db.pipelineRun().create(...), created -> db.pipelineRun().delete(...))")
                .contains("See {@link Saga} for failures, retries of compensations and cancellation.");
    }

    @Test
    void aSagaOverTheSeedClientCompilesWithEachCompensationTypedByItsStep() {
        Map<String, String> sources = new HashMap<>(InMemoryCompiler.sources(
                new JavaGenerator().generate(SeedSchemaFixture.seed())));
        sources.put("com/example/app/PublishesVideo.java", """
                package com.example.app;

                import com.example.pipeline.db.ContentItem;
                import com.example.pipeline.db.PipelineRun;
                import com.example.pipeline.db.RefractClient;
                import dev.refract.json.Json;
                import dev.refract.saga.SagaOutcome;
                import dev.refract.saga.SagaResults;
                import java.util.Map;
                import reactor.core.publisher.Mono;

                final class PublishesVideo {

                    private PublishesVideo() {}

                    static Mono<SagaResults> publish(RefractClient db) {
                        return db.saga()
                                .step("run",
                                        done -> db.pipelineRun().create(c -> c.name("video")),
                                        run -> db.pipelineRun().delete(w -> w.id(run.id())))
                                .step("content",
                                        done -> db.contentItem().create(c -> c
                                                .runId(done.get("run", PipelineRun.class).id())
                                                .type("video").title("Intro").metadata(Json.of(Map.of()))),
                                        item -> db.contentItem().delete(w -> w.id(item.id())))
                                .step("audit", done -> Mono.just(done.get("content", ContentItem.class).title()))
                                .run()
                                .flatMap(SagaOutcome::committedOrError);
                    }
                }
                """);

        InMemoryCompiler.Result result = InMemoryCompiler.compile(sources);

        assertThat(result.success()).as(result.diagnostics()).isTrue();
        assertThat(result.diagnostics()).isEmpty();
    }

    @Test
    void aModelNamedSagaIsReachedThroughAnAccessorThatLeavesSagaToTheSagas() {
        List<GeneratedFile> files = SchemaText.generate("""
                model Saga {
                  id    Int    @id
                  label String
                }
                """);

        SchemaText.assertCompiles(files);
        assertThat(SchemaText.file(files, "RefractClient")).contains("public dev.refract.saga.Saga saga() {")
                .contains("public SagaDelegate saga_() {");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Publisher", "TransactionOptions", "List", "Function", "Flux", "Object"})
    void aModelNamedLikeATypeOfTheTransactionMethodsLeavesTheClientCompiling(String name) {
        List<GeneratedFile> files = SchemaText.generate("""
                model %s {
                  id    Int    @id
                  label String
                }
                """.formatted(name));

        SchemaText.assertCompiles(files);
        assertThat(SchemaText.file(files, "RefractClient")).contains("Flux<T> transaction(")
                .contains("Object>> transaction(");
    }
}
