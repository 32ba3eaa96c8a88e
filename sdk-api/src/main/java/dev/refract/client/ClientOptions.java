package dev.refract.client;

import dev.refract.cache.CacheStoreProvider;
import dev.refract.id.IdGenerators;
import dev.refract.meta.PoolMeta;
import dev.refract.spi.AdapterProvider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a client is built with beyond the schema: per-datasource URL and pool overrides, where
 * environment variables are read from, and optionally the adapter providers to use instead of
 * those found with {@link java.util.ServiceLoader}; and the clock and id generators that
 * {@code @default(now())}, {@code @updatedAt} and generated ids read.
 *
 * @param urls        datasource name to URL, overriding the schema's literal or {@code env(...)}
 * @param poolSizes   datasource name to pool size, overriding the schema's {@code poolSize}
 * @param pools       datasource name to pool settings whose non-null values override the schema's (a size
 *                    in {@code poolSizes} wins over one given here)
 * @param environment looks an environment variable up; {@code System::getenv} unless set
 * @param providers   adapter providers to use; empty to find them with {@code ServiceLoader}
 * @param clock       the time of {@code now()} and {@code @updatedAt}, and of time-based ids; UTC system clock unless set
 * @param idGenerators makes the client's id generators from its clock, once, when the client is built;
 *                    {@link IdGenerators#standard(Clock)} unless set
 * @param listener    hears of every model operation once it has ended, e.g. to time it; {@code null}
 *                    (the default) for none, which costs the operations nothing
 * @param cacheStores cache store providers to use before those {@code ServiceLoader} finds
 * @param crossDatasourceKeyLimit how many distinct link keys one condition on a relation to another datasource may
 *                    read into memory before the call fails with {@link dev.refract.error.InvalidQueryException};
 *                    {@link #DEFAULT_CROSS_DATASOURCE_KEY_LIMIT} unless set
 * @param readRetries how many times a read outside a transaction is made again after a retry-safe lost
 *                    connection or statement timeout; 0 (the default) for never. Writes are never retried.
 */
public record ClientOptions(Map<String, String> urls, Map<String, Integer> poolSizes, Map<String, PoolMeta> pools,
        Function<String, String> environment, List<AdapterProvider> providers, Clock clock,
        Function<Clock, IdGenerators> idGenerators, OperationListener listener,
        List<CacheStoreProvider> cacheStores, int crossDatasourceKeyLimit,
        int readRetries) {

    /**
     * The default {@link #crossDatasourceKeyLimit}: 30,000 keys, so that the condition a look-up becomes,
     * one bound value per key (two for a two-field key), stays below the 65,535 bound values a PostgreSQL
     * or MySQL statement takes.
     */
    public static final int DEFAULT_CROSS_DATASOURCE_KEY_LIMIT = 30_000;

    public ClientOptions {
        if (crossDatasourceKeyLimit < 1) {
            throw new IllegalArgumentException("The cross-datasource key limit must be at least 1, was "
                    + crossDatasourceKeyLimit);
        }
        urls = Map.copyOf(urls);
        poolSizes = Map.copyOf(poolSizes);
        pools = Map.copyOf(pools);
        Objects.requireNonNull(environment, "environment");
        providers = List.copyOf(providers);
        cacheStores = List.copyOf(cacheStores);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(idGenerators, "idGenerators");
        if (readRetries < 0) {
            throw new IllegalArgumentException("readRetries must not be negative, was " + readRetries);
        }
    }

    /** No override: URLs and pools as the schema says, adapters from the classpath. */
    public static ClientOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ClientOptions}; the generated client's builder delegates to it. */
    public static final class Builder {

        private final Map<String, String> urls = new LinkedHashMap<>();
        private final Map<String, Integer> poolSizes = new LinkedHashMap<>();
        private final Map<String, PoolMeta> pools = new LinkedHashMap<>();
        private final List<AdapterProvider> providers = new ArrayList<>();
        private final List<CacheStoreProvider> cacheStores = new ArrayList<>();
        private Function<String, String> environment = System::getenv;
        private Clock clock = Clock.systemUTC();
        private Function<Clock, IdGenerators> idGenerators = IdGenerators::standard;
        private OperationListener listener;
        private int crossDatasourceKeyLimit = DEFAULT_CROSS_DATASOURCE_KEY_LIMIT;
        private int readRetries;

        private Builder() {}

        /** Connects datasource {@code name} to {@code url} instead of what the schema says. */
        public Builder datasource(String name, String url) {
            urls.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(url, "url"));
            return this;
        }

        /** Gives datasource {@code name} a pool of {@code size} connections. */
        public Builder poolSize(String name, int size) {
            if (size < 1) {
                throw new IllegalArgumentException("The pool size of datasource '" + name
                        + "' must be at least 1, was " + size);
            }
            poolSizes.put(Objects.requireNonNull(name, "name"), size);
            return this;
        }

        /**
         * Overrides the pool settings of datasource {@code name} with those {@code overrides} sets (its
         * {@code null} values keep the schema's); a size given with {@link #poolSize} wins over this one's.
         */
        public Builder pool(String name, PoolMeta overrides) {
            pools.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(overrides, "overrides"));
            return this;
        }

        /** Tells {@code listener} of every model operation once it has ended; replaces any listener set before. */
        public Builder listener(OperationListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Makes a read outside a transaction again, up to {@code retries} times, when it fails with a lost
         * connection or a statement timeout that says a retry is safe; a stream only while it has emitted
         * nothing. Writes and transactions are never retried. 0, the default, turns it off.
         *
         * @throws IllegalArgumentException when {@code retries} is negative
         */
        public Builder readRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("readRetries must not be negative, was " + retries
                        + ": give 0 to turn retries off");
            }
            this.readRetries = retries;
            return this;
        }

        /** Reads environment variables through {@code lookup}, e.g. from a test's map. */
        public Builder environment(Function<String, String> lookup) {
            this.environment = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /** Uses {@code provider} for the cache datasources it supports, before any found on the classpath. */
        public Builder cacheStoreProvider(CacheStoreProvider provider) {
            cacheStores.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Uses {@code provider} for the providers it supports, before any found on the classpath. */
        public Builder adapterProvider(AdapterProvider provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** Reads the time of {@code now()}, {@code @updatedAt} and time-based ids from {@code clock}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Makes the client's id generators with {@code factory}, which receives the client's clock;
         * e.g. {@code clock -> IdGenerators.standard(clock).withCuid(predictable)} in a test.
         */
        public Builder idGenerators(Function<Clock, IdGenerators> factory) {
            this.idGenerators = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Lets one condition on a relation to another datasource ({@code some}, {@code every}, {@code none},
         * {@code is}, {@code isNot}) read up to {@code limit} distinct link keys of the related records into
         * memory; a call whose look-up finds more fails with {@link dev.refract.error.InvalidQueryException}.
         * A relational parent binds one value per key, and PostgreSQL and MySQL take at most 65,535 bound
         * values in one statement: raise the limit past the default only for other parents.
         *
         * @throws IllegalArgumentException when {@code limit} is below 1
         */
        public Builder crossDatasourceKeyLimit(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("The cross-datasource key limit must be at least 1, was " + limit);
            }
            this.crossDatasourceKeyLimit = limit;
            return this;
        }

        /** The options. */
        public ClientOptions build() {
            return new ClientOptions(urls, poolSizes, pools, environment, providers, clock, idGenerators, listener,
                    cacheStores, crossDatasourceKeyLimit, readRetries);
        }
    }
}
