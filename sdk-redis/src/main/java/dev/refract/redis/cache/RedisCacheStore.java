package dev.refract.redis.cache;

import dev.refract.cache.CacheKey;
import dev.refract.cache.CacheStore;
import dev.refract.cache.CachedRecord;
import dev.refract.error.ConnectionFailedException;
import dev.refract.meta.SchemaMeta;
import dev.refract.redis.codec.CodecRegistry;
import dev.refract.redis.connect.RedisConnection;
import dev.refract.redis.connect.RedisEndpoint;
import dev.refract.redis.record.StoredModel;
import dev.refract.redis.script.Script;
import dev.refract.spi.Row;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * The cache store of a {@code redis} datasource. An entry is a hash holding the record as the key-value
 * adapter stores one ({@link StoredModel}: one hash field per field holding a value) and its freshness
 * in the field {@value #FRESH_UNTIL}, which no field's name can be; Redis expires it after its time to
 * live. A tag is a set of entry keys. Putting an entry and filing it under its tags is one script, and
 * so is invalidating tags, so a reader never sees an entry a tag invalidation should have removed.
 *
 * <p>Each operation's commands are bounded in time ({@link RedisEndpoint#cacheReadTimeout()} for a read,
 * {@link RedisEndpoint#cacheWriteTimeout()} for the others): a cache that stalls (a paused server, a
 * full network buffer) fails the operation in that time with a {@link ConnectionFailedException}, and
 * the client reads the primary database, instead of waiting for the command timeout. Connecting, once,
 * is bounded by the connect timeout, as a first connection (with the client's start) may take longer
 * than a read should.
 */
final class RedisCacheStore implements CacheStore {

    static final String FRESH_UNTIL = "@freshUntil";

    private static final Script PUT = new Script("cache-put", """
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], unpack(ARGV, 2))
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            local ttl = tonumber(ARGV[1])
            for i = 2, #KEYS do
              redis.call('SADD', KEYS[i], KEYS[1])
              if redis.call('PTTL', KEYS[i]) < ttl then
                redis.call('PEXPIRE', KEYS[i], ttl)
              end
            end
            return 1
            """);

    private static final Script INVALIDATE_TAGS = new Script("cache-invalidate-tags", """
            local removed = 0
            for i = 1, #KEYS do
              for _, key in ipairs(redis.call('SMEMBERS', KEYS[i])) do
                removed = removed + redis.call('DEL', key)
              end
              redis.call('DEL', KEYS[i])
            end
            return removed
            """);

    private final SchemaMeta schema;
    private final String datasource;
    private final RedisEndpoint endpoint;
    private final RedisConnection connection;
    private final CacheKeys keys;
    private final CodecRegistry codecs;
    /** The stored form of each model, made on its first entry. */
    private final AtomicReferenceArray<StoredModel> stored;

    RedisCacheStore(SchemaMeta schema, String datasource, RedisEndpoint endpoint, RedisConnection connection,
            CodecRegistry codecs) {
        this.schema = schema;
        this.datasource = datasource;
        this.endpoint = endpoint;
        this.connection = connection;
        this.keys = new CacheKeys(schema, endpoint.prefix());
        this.codecs = codecs;
        this.stored = new AtomicReferenceArray<>(schema.models().size());
    }

    @Override
    public Mono<CachedRecord> get(CacheKey key) {
        return bounded(READ, commands -> commands.hgetall(keys.entry(key))
                        .collectMap(kv -> kv.getKey(), kv -> kv.getValue()))
                .flatMap(hash -> {
                    String freshUntil = hash.get(FRESH_UNTIL);
                    if (freshUntil == null) {
                        return Mono.empty();
                    }
                    Object[] values = model(key.model()).read("", hash).values();
                    return Mono.just(new CachedRecord(Row.wrap(values), Long.parseLong(freshUntil)));
                });
    }

    @Override
    public Mono<Void> put(CacheKey key, CachedRecord record, Duration ttl, Set<String> tags) {
        return Mono.defer(() -> {
            StoredModel model = model(key.model());
            Object[] values = new Object[model.meta().fieldCount()];
            for (int i = 0; i < values.length && i < record.row().size(); i++) {
                values[i] = model.stored(i) ? record.row().get(i) : null;
            }
            List<String> scriptKeys = new ArrayList<>(tags.size() + 1);
            scriptKeys.add(keys.entry(key));
            tags.forEach(tag -> scriptKeys.add(keys.tag(tag)));
            List<String> arguments = new ArrayList<>();
            arguments.add(Long.toString(Math.max(1, ttl.toMillis())));
            arguments.add(FRESH_UNTIL);
            arguments.add(Long.toString(record.freshUntilMs()));
            model.encodeRecord(values).forEach((field, text) -> {
                arguments.add(field);
                arguments.add(text);
            });
            return run("put", PUT, scriptKeys, arguments);
        });
    }

    @Override
    public Mono<Void> invalidate(Collection<CacheKey> invalidated) {
        if (invalidated.isEmpty()) {
            return Mono.empty();
        }
        String[] entryKeys = invalidated.stream().map(keys::entry).toArray(String[]::new);
        return bounded(new Operation("an invalidation", false), commands -> commands.del(entryKeys)).then();
    }

    @Override
    public Mono<Void> invalidateTags(Collection<String> tags) {
        if (tags.isEmpty()) {
            return Mono.empty();
        }
        return run("an invalidation", INVALIDATE_TAGS, tags.stream().map(keys::tag).toList(), List.of());
    }

    /** What one store operation is, for the bound of its time and the message when it is exceeded. */
    private record Operation(String description, boolean read) {}

    private static final Operation READ = new Operation("a read", true);

    /**
     * {@code command} run on the connection (connecting first if need be, bounded by the datasource's
     * connect timeout), failing with a {@link ConnectionFailedException} when the cache does not answer
     * it within the operation's bound.
     */
    private <T> Mono<T> bounded(Operation operation,
            Function<RedisClusterReactiveCommands<String, String>, Mono<T>> command) {
        Duration limit = operation.read() ? endpoint.cacheReadTimeout() : endpoint.cacheWriteTimeout();
        return connection.commands().flatMap(commands -> command.apply(commands).timeout(limit, Mono.error(() ->
                new ConnectionFailedException(datasource, "The cache datasource " + datasource + " ("
                        + endpoint.redacted() + ") did not answer " + operation.description() + " within "
                        + limit.toMillis() + " ms; give its URL a longer "
                        + (operation.read() ? "cacheReadTimeout" : "cacheWriteTimeout") + " if it is merely slow",
                        null))));
    }

    @Override
    public Mono<Void> close() {
        return connection.close();
    }

    private Mono<Void> run(String description, Script script, List<String> scriptKeys, List<String> arguments) {
        String[] keyArray = scriptKeys.toArray(String[]::new);
        String[] values = arguments.toArray(String[]::new);
        return bounded(new Operation(description, false), commands -> commands.<Long>evalsha(script.sha(),
                        ScriptOutputType.INTEGER, keyArray, values).next()
                .onErrorResume(RedisNoScriptException.class, missing -> commands.<Long>eval(script.source(),
                        ScriptOutputType.INTEGER, keyArray, values).next()))
                .then();
    }

    private StoredModel model(int index) {
        StoredModel current = stored.get(index);
        if (current == null) {
            // the prefix of the model's own keys is never used: entries are named by CacheKeys
            stored.compareAndSet(index, null, new StoredModel(schema, schema.model(index), "", codecs));
            current = stored.get(index);
        }
        return current;
    }
}
