package dev.refract.benchmarks.compare.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

/** The MongoDB clients of the contenders that drive the driver themselves: the same pool size for each. */
final class Clients {

    private Clients() {
    }

    /**
     * A client for {@code url} whose connection pool holds at most {@code poolSize} connections per
     * server, as Refract's pool does; {@code name} tells its connections apart in the server's log.
     */
    static MongoClient create(String url, int poolSize, String name) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(url))
                .applyToConnectionPoolSettings(pool -> pool.maxSize(poolSize))
                .applicationName("refract-compare-" + name)
                .build();
        return MongoClients.create(settings);
    }

    /** The database {@code url} names. */
    static String database(String url) {
        String database = new ConnectionString(url).getDatabase();
        if (database == null) {
            throw new IllegalArgumentException("The MongoDB URL names no database; add it as its path,"
                    + " e.g. mongodb://127.0.0.1:27017/compare");
        }
        return database;
    }
}
