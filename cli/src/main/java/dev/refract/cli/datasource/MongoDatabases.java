package dev.refract.cli.datasource;

import com.mongodb.ConnectionString;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.refract.codegen.cli.CommandFailedException;
import dev.refract.error.UrlRedaction;
import java.util.function.Function;

/**
 * The database of a selected MongoDB datasource: a client opened on its URL for one command's work,
 * and closed after it.
 */
public final class MongoDatabases {

    private MongoDatabases() {
    }

    /**
     * Runs {@code work} on the database the URL of {@code target} names.
     *
     * @throws CommandFailedException when the URL is no MongoDB connection string naming a database
     */
    public static <T> T with(DatasourceCommand.Selected target, Function<MongoDatabase, T> work) {
        ConnectionString url;
        try {
            url = new ConnectionString(target.url());
        } catch (IllegalArgumentException e) {
            throw new CommandFailedException("The URL of datasource '" + target.datasource().name() + "' ("
                    + target.displayUrl() + ") is not a MongoDB connection string: write it as"
                    + " mongodb://user:password@host:27017/database.", e);
        }
        if (url.getDatabase() == null) {
            throw new CommandFailedException("The URL of datasource '" + target.datasource().name() + "' ("
                    + UrlRedaction.redact(target.url()) + ") names no database: add it after the host, e.g."
                    + " mongodb://host:27017/app.");
        }
        try (MongoClient client = MongoClients.create(url)) {
            return work.apply(client.getDatabase(url.getDatabase()));
        }
    }
}
