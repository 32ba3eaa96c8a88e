package dev.refract.benchmarks.compare.cache;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Dataset;
import dev.refract.benchmarks.compare.Role;
import dev.refract.benchmarks.compare.RowSink;
import dev.refract.benchmarks.compare.Workload;
import dev.refract.benchmarks.compare.cachedb.Sample;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.reactive.RedisReactiveCommands;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The floor of a cache hit: Lettuce's reactive API on one connection, which Lettuce multiplexes as
 * Refract's cache store does, a {@code GET} of the record serialized by hand as JSON ({@link SampleJson})
 * and decoded by hand into the same generated record. It caches under keys of its own, filled before the
 * run ({@link #fill}).
 */
final class RawContender implements Contender {

    private static final int FILL_BATCH = 1_000;

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisReactiveCommands<String, String> commands;
    private final String keyPrefix;

    /** Connects to {@code redisUrl}, whose server holds its records under {@code keyPrefix}. */
    RawContender(String redisUrl, String keyPrefix) {
        this.client = RedisClient.create(redisUrl);
        this.connection = client.connect();
        this.commands = connection.reactive();
        this.keyPrefix = keyPrefix;
    }

    @Override
    public String key() {
        return "raw";
    }

    @Override
    public String name() {
        return "Lettuce GET of a JSON string, hand-written";
    }

    @Override
    public Role role() {
        return Role.RAW;
    }

    @Override
    public Set<Workload> workloads() {
        return EnumSet.of(Workload.FIND_UNIQUE);
    }

    /** Stores the JSON of records 1 to {@code rows} under this contender's keys, a batch of {@code MSET} at a time. */
    Mono<Void> fill(int rows) {
        return Flux.range(1, rows).buffer(FILL_BATCH).concatMap(ids -> {
            Map<String, String> batch = new LinkedHashMap<>();
            for (int id : ids) {
                batch.put(key(id), SampleJson.seeded(id));
            }
            return commands.mset(batch);
        }).then();
    }

    @Override
    public Mono<Long> findUnique(int id) {
        return commands.get(key(id)).map(SampleJson::read).map(RawContender::fingerprint);
    }

    private String key(int id) {
        return keyPrefix + id;
    }

    static long fingerprint(Sample s) {
        return Dataset.sample(s.id(), Dataset.content(s.name(), s.email(), s.category(), s.quantity(), s.price(),
                s.total(), s.active(), s.createdAt().toEpochMilli()));
    }

    @Override
    public Mono<Void> stream(int maxId, RowSink sink) {
        throw new UnsupportedOperationException("The cache lineup runs findUnique only");
    }

    @Override
    public Mono<Long> create(int index) {
        throw new UnsupportedOperationException("The cache lineup runs findUnique only");
    }

    @Override
    public Mono<Long> createMany(int first, int count) {
        throw new UnsupportedOperationException("The cache lineup runs findUnique only");
    }

    @Override
    public Mono<Long> include() {
        throw new UnsupportedOperationException("The cache lineup runs findUnique only");
    }

    @Override
    public Mono<Long> increment(int id) {
        throw new UnsupportedOperationException("The cache lineup runs findUnique only");
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromCompletionStage(connection::closeAsync)
                .then(Mono.fromCompletionStage(() -> client.shutdownAsync(0, 2, TimeUnit.SECONDS)))
                .timeout(Duration.ofSeconds(10));
    }
}
