package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.bank.db.Account;
import com.example.bank.db.Transfer;
import com.example.pipeline.db.PipelineRun;
import com.example.pipeline.db.PipelineStep;
import com.example.pipeline.db.PipelineStepCreate;
import com.example.pipeline.db.RefractClient;
import com.example.pipeline.db.Status;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.error.TransactionConflictException;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import dev.refract.transaction.IsolationLevel;
import dev.refract.transaction.TransactionOptions;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** The samples of the page "Transactions". */
@RefractTestDatabases
class TransactionsIT {

    private static RefractClient db;

    @BeforeAll
    static void open(PostgresNamespace postgres, MongoNamespace mongo, RedisNamespace redis) {
        PipelineDatabases.createTables(postgres);
        db = PipelineDatabases.open(postgres, mongo, redis);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void anInteractiveTransactionCommitsWhatItsWorkDid() {
        // tag::interactive[]
        Flux<PipelineStep> steps = db.transaction(tx -> tx.pipelineRun()
                .create(c -> c.name("video-production").status(Status.RUNNING))
                .flatMapMany(run -> tx.pipelineStep().createManyAndReturn(List.of(
                        new PipelineStepCreate().runId(run.id()).position(1).name("script"),
                        new PipelineStepCreate().runId(run.id()).position(2).name("voice-over")))));
        // end::interactive[]

        List<PipelineStep> created = steps.collectList().block();
        assertThat(created).extracting(PipelineStep::name).containsExactly("script", "voice-over");
        assertThat(db.pipelineStep().count(q -> q.where(w -> w.runId().eq(created.get(0).runId()))).block()).isEqualTo(2);
        db.pipelineRun().delete(w -> w.id(created.get(0).runId())).block();
    }

    @Test
    void aBatchTransactionEmitsOneResultPerOperation() {
        // tag::batch[]
        Mono<List<Object>> results = db.transaction(List.of(
                db.pipelineRun().create(c -> c.id("run-1").name("video-production")),
                db.pipelineStep().create(c -> c.runId("run-1").position(1).name("script")),
                db.pipelineRun().findUnique(q -> q.where(w -> w.id("run-2"))),
                db.pipelineStep().findMany(q -> q.where(w -> w.runId().eq("run-1")))));

        List<Object> done = results.block();
        PipelineRun run = (PipelineRun) done.get(0);
        PipelineStep step = (PipelineStep) done.get(1);
        Object missing = done.get(2);                         // null: the Mono completed empty
        List<?> steps = (List<?>) done.get(3);                // a Flux's elements, as a list
        // end::batch[]

        assertThat(run.id()).isEqualTo("run-1");
        assertThat(step.runId()).isEqualTo("run-1");
        assertThat(missing).isNull();
        assertThat(steps).hasSize(1);
        db.pipelineRun().delete(w -> w.id("run-1")).block();
    }

    @Test
    void optionsApplyToBothForms() {
        // tag::options[]
        TransactionOptions options = TransactionOptions.defaults()
                .isolation(IsolationLevel.SERIALIZABLE)
                .timeout(Duration.ofSeconds(10))
                .maxWait(Duration.ofSeconds(1))
                .datasource("db");

        Flux<PipelineRun> interactive = db.transaction(options, tx -> tx.pipelineRun()
                .create(c -> c.name("video-production")));
        Mono<List<Object>> batch = db.transaction(options, List.of(
                db.pipelineRun().count(),
                db.pipelineStep().count()));
        // end::options[]

        PipelineRun run = interactive.blockLast();
        assertThat(batch.block()).containsExactly(1L, 0L);
        db.pipelineRun().delete(w -> w.id(run.id())).block();
    }

    @Test
    void aConflictingTransactionIsRunAgain(PostgresNamespace postgres) {
        DbPush.push(com.example.bank.db.RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl()))
                .block(Duration.ofMinutes(1));
        try (com.example.bank.db.RefractClient db = com.example.bank.db.RefractClient.builder()
                .datasource("bank", postgres.r2dbcUrl()).build()) {
            db.account().create(c -> c.id(1).owner("Ada").balance(1_000)).block();
            db.account().create(c -> c.id(2).owner("Bob").balance(0)).block();
            int from = 1;
            int to = 2;
            int amount = 250;

            // tag::retry[]
            Flux<Transfer> transfer = db.transaction(TransactionOptions.defaults().isolation(IsolationLevel.SERIALIZABLE),
                            tx -> tx.account().findMany(q -> q.where(w -> w.id().in(from, to)).orderBy(o -> o.id().asc()))
                                    .concatMap(account -> tx.account().update(w -> w.id(account.id()),
                                            d -> d.balance(account.balance() + (account.id() == from ? -amount : amount))))
                                    .then(tx.transfer().create(c -> c.fromId(from).toId(to).amount(amount))))
                    .retryWhen(Retry.backoff(100, Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(100))
                            .filter(TransactionConflictException.class::isInstance));
            // end::retry[]

            // four transfers at once: some conflict under SERIALIZABLE and are run again
            Flux.range(0, 4).flatMap(i -> transfer).blockLast(Duration.ofSeconds(30));
            assertThat(db.account().findMany(q -> q.orderBy(o -> o.id().asc())).collectList().block())
                    .extracting(Account::balance).containsExactly(0, 1_000);
            assertThat(db.transfer().count().block()).isEqualTo(4);
        }
    }
}
