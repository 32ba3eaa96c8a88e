package dev.refract.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.ConnectionFailedException;
import dev.refract.error.TransactionsUnsupportedException;
import dev.refract.meta.PoolMeta;
import dev.refract.mongo.store.RefractClientMetadata;
import dev.refract.query.Operation;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.query.WriteData;
import dev.refract.spi.AdapterConfig;
import dev.refract.test.isolation.MongoNamespace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The adapter itself on a MongoDB server: transactions, an unreachable server, closing. */
class MongoAdapterIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static MongoNamespace namespace;

    @BeforeAll
    static void start() {
        namespace = MongoNamespace.create("MongoAdapterIT");
    }

    @AfterAll
    static void stop() {
        namespace.close();
    }

    private static MongoAdapter adapter() {
        return new MongoAdapter(new AdapterConfig(RefractClientMetadata.SCHEMA, RefractClientMetadata.DOCS_DATASOURCE,
                namespace.mongoUrl(), PoolMeta.DEFAULTS), MongoAdapterOptions.defaults());
    }

    @Test
    void aTransactionOnAStandaloneServerIsRefusedSayingHowToStartAReplicaSet() {
        Assumptions.assumeTrue(System.getenv("MONGODB_URL") == null,
                "the server of MONGODB_URL may be a replica set, which runs transactions");
        MongoAdapter adapter = adapter();
        try {
            assertThatThrownBy(() -> adapter.inTransaction(executor -> executor.execute(
                    new Operation.Count(RefractClientMetadata.SETTING.index(), Query.ALL))).blockLast(WAIT))
                    .isInstanceOf(TransactionsUnsupportedException.class)
                    .hasMessageContaining("replica set")
                    .hasMessageContaining("replicaSet=");
        } finally {
            adapter.close().block(WAIT);
        }
    }

    @Test
    void aTransactionOnAReplicaSetCommitsItsWritesAndAbortsOnError() {
        Assumptions.assumeTrue(System.getenv("MONGODB_URL") != null && System.getenv("MONGODB_URL")
                .contains("replicaSet="), "the in-process server is standalone and runs no transactions");
        MongoAdapter adapter = adapter();
        try {
            int setting = RefractClientMetadata.SETTING.index();
            Operation count = new Operation.Count(setting, Query.ALL);
            Operation create = new Operation.Create(setting, new WriteData(List.of(
                    new WriteData.FieldWrite(0, WriteData.WriteOp.SET, "in-transaction"),
                    new WriteData.FieldWrite(1, WriteData.WriteOp.SET, "v"))), Selection.ALL);
            assertThatThrownBy(() -> adapter.inTransaction(executor -> executor.execute(create)
                    .then(Mono.error(new IllegalStateException("work failed")))).blockLast(WAIT))
                    .hasMessageContaining("work failed");
            assertThat(adapter.execute(count).block(WAIT).count()).as("after the abort").isZero();
            adapter.inTransaction(executor -> executor.execute(create)).blockLast(WAIT);
            assertThat(adapter.execute(count).block(WAIT).count()).as("after the commit").isEqualTo(1);
        } finally {
            adapter.close().block(WAIT);
        }
    }

    @Test
    void anUnreachableServerIsAConnectionFailureNamingTheDatasource() {
        MongoAdapter adapter = new MongoAdapter(new AdapterConfig(RefractClientMetadata.SCHEMA,
                RefractClientMetadata.DOCS_DATASOURCE, "mongodb://app:s3cret@127.0.0.1:1/db?serverSelectionTimeoutMS=300"
                        + "&connectTimeoutMS=300", PoolMeta.DEFAULTS), MongoAdapterOptions.defaults());
        try {
            assertThatThrownBy(() -> adapter.execute(new Operation.Count(RefractClientMetadata.SETTING.index(),
                    Query.ALL)).block(WAIT))
                    .isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("'docs'")
                    .hasMessageNotContaining("s3cret");
        } finally {
            adapter.close().block(WAIT);
        }
    }

    @Test
    void anOperationAfterCloseIsRefused() {
        MongoAdapter adapter = adapter();
        adapter.close().block(WAIT);
        assertThatThrownBy(() -> adapter.execute(new Operation.Count(RefractClientMetadata.SETTING.index(), Query.ALL))
                .block(WAIT)).isInstanceOf(dev.refract.error.ClientClosedException.class);
        assertThat(Flux.range(0, 2).flatMap(i -> adapter.close()).collectList().block(WAIT)).isEmpty();
    }
}
