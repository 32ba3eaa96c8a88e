package dev.refract.mongo;

import com.mongodb.MongoClientSettings;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Tuning of a {@link MongoAdapter} beyond what the schema says.
 *
 * @param fetchSize      documents the driver asks the server for per batch while streaming; at least 1
 * @param showParameters true to show values in query events (see {@link dev.refract.mongo.log.QueryLog})
 * @param settings       changes to the driver's settings after the URL and pool are applied (listeners, say)
 */
public record MongoAdapterOptions(int fetchSize, boolean showParameters, Consumer<MongoClientSettings.Builder> settings) {

    /** Documents per batch when streaming, unless set; the relational adapter's fetch size. */
    public static final int DEFAULT_FETCH_SIZE = 256;

    public MongoAdapterOptions {
        if (fetchSize < 1) {
            throw new IllegalArgumentException("fetchSize must be at least 1, was " + fetchSize);
        }
        Objects.requireNonNull(settings, "settings");
    }

    /** {@value #DEFAULT_FETCH_SIZE} documents per batch, values hidden, the driver's settings as the URL gives them. */
    public static MongoAdapterOptions defaults() {
        return new MongoAdapterOptions(DEFAULT_FETCH_SIZE, false, builder -> { });
    }

    /** These options with {@code fetchSize}. */
    public MongoAdapterOptions withFetchSize(int fetchSize) {
        return new MongoAdapterOptions(fetchSize, showParameters, settings);
    }

    /** These options with values shown or hidden in query events. */
    public MongoAdapterOptions withShowParameters(boolean show) {
        return new MongoAdapterOptions(fetchSize, show, settings);
    }

    /** These options with {@code change} applied to the driver's settings, after earlier changes. */
    public MongoAdapterOptions withSettings(Consumer<MongoClientSettings.Builder> change) {
        Objects.requireNonNull(change, "change");
        return new MongoAdapterOptions(fetchSize, showParameters, settings.andThen(change));
    }
}
