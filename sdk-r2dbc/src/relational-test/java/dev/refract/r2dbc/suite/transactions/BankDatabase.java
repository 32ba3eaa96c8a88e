package dev.refract.r2dbc.suite.transactions;

import com.example.bank.db.RefractClient;
import com.example.bank.db.RefractClientMetadata;
import dev.refract.r2dbc.suite.CapturingProvider;
import dev.refract.r2dbc.suite.SuiteDatabase;
import java.time.Duration;

/**
 * The bank schema's relational datasource in a test's database, and generated clients on it.
 * Everything else of the transaction tests goes through the client, so they run on any server
 * the suite runs on.
 */
final class BankDatabase {

    private final String url;

    private BankDatabase(String url) {
        this.url = url;
    }

    /** The bank's tables created in {@code database}. */
    static BankDatabase create(SuiteDatabase database) {
        database.push(RefractClientMetadata.SCHEMA);
        return new BankDatabase(database.r2dbcUrl());
    }

    /** A client whose bank datasource has a pool of {@code poolSize}, with the provider that shows the pool. */
    Bank open(int poolSize) {
        CapturingProvider provider = new CapturingProvider();
        RefractClient db = RefractClient.builder().datasource("bank", url).poolSize("bank", poolSize)
                .adapterProvider(provider).build();
        return new Bank(db, provider);
    }

    /** A client and the provider of its bank adapter; closing waits for its pools to close. */
    record Bank(RefractClient db, CapturingProvider provider) implements AutoCloseable {

        /** Deletes every transfer and account. */
        void empty() {
            db.transfer().deleteMany().then(db.account().deleteMany()).block(Duration.ofSeconds(30));
        }

        @Override
        public void close() {
            db.closeAsync().block(Duration.ofSeconds(30));
        }
    }
}
