package dev.refract.r2dbc.suite.relations.client;

import com.example.relations.db.RefractClient;
import com.example.relations.db.RefractClientMetadata;
import dev.refract.r2dbc.suite.SuiteDatabase;
import dev.refract.r2dbc.suite.relations.PublishingHouses;
import java.time.Duration;

/**
 * The relations schema pushed into a test's database with Ann's house in it (see
 * {@link PublishingHouses#fillAnnsHouse}), and a generated client on it.
 */
final class PublishingHouse {

    static final Duration WAIT = Duration.ofSeconds(10);

    private PublishingHouse() {
    }

    /** Creates the tables in {@code database}, fills them with Ann's house and returns a client on them. */
    static RefractClient open(SuiteDatabase database) {
        database.push(RefractClientMetadata.SCHEMA);
        PublishingHouses.fillAnnsHouse(database);
        return RefractClient.builder().datasource("db", database.r2dbcUrl()).build();
    }
}
