package dev.refract.mongo;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.ConnectionFailedException;
import dev.refract.meta.PoolMeta;
import dev.refract.mongo.store.RefractClientMetadata;
import dev.refract.spi.AdapterConfig;
import dev.refract.test.isolation.MongoNamespace;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** The MongoDB adapter's health ping: it answers while the server does, and says why when it does not. */
class MongoAdapterPingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static MongoNamespace namespace;

    @BeforeAll
    static void start() {
        namespace = MongoNamespace.create("MongoAdapterPingIT");
    }

    @AfterAll
    static void stop() {
        namespace.close();
    }

    private static MongoAdapter adapter(String url) {
        return new MongoAdapter(new AdapterConfig(RefractClientMetadata.SCHEMA, RefractClientMetadata.DOCS_DATASOURCE,
                url, PoolMeta.DEFAULTS), MongoAdapterOptions.defaults());
    }

    @Test
    void aPingOfAServerThatAnswersCompletesEveryTimeItIsAsked() {
        MongoAdapter adapter = adapter(namespace.mongoUrl());
        try {
            StepVerifier.create(adapter.ping()).expectComplete().verify(WAIT);
            StepVerifier.create(adapter.ping()).expectComplete().verify(WAIT);
        } finally {
            adapter.close().block(WAIT);
        }
    }

    @Test
    void aPingOfAServerThatIsNotThereIsAConnectionFailureWithoutThePassword() {
        MongoAdapter adapter = adapter("mongodb://app:s3cret@127.0.0.1:1/db?serverSelectionTimeoutMS=300&connectTimeoutMS=300");
        try {
            assertThatThrownBy(() -> adapter.ping().block(WAIT))
                    .isInstanceOf(ConnectionFailedException.class)
                    .hasMessageContaining("'docs'")
                    .hasMessageNotContaining("s3cret");
        } finally {
            adapter.close().block(WAIT);
        }
    }
}
