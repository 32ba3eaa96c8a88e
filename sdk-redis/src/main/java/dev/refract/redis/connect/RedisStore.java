package dev.refract.redis.connect;

import dev.refract.redis.script.Script;
import io.lettuce.core.KeyScanArgs;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScanStream;
import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The few Redis commands the adapter sends, each cold and built apart from the data they carry:
 * hash reads, index look-ups, a streamed {@code SCAN}, and scripts run by
 * {@code EVALSHA}, sent whole by {@code EVAL} when the server answers {@code NOSCRIPT} (a server
 * restarted or flushed, or a cluster node that has not seen the script yet), which loads it there
 * for every later call.
 */
public final class RedisStore {

    /** How many keys one {@code SCAN} step asks for. */
    private static final int SCAN_COUNT = 256;

    private final RedisConnection connection;

    /** A store talking over {@code connection}. */
    public RedisStore(RedisConnection connection) {
        this.connection = connection;
    }

    /** The fields of the hash at {@code key}; an empty map when there is none. */
    public Mono<Map<String, String>> hash(String key) {
        return connection.commands().flatMap(commands -> commands.hgetall(key).collectMap(kv -> kv.getKey(),
                kv -> kv.getValue()));
    }

    /** The string at {@code key}, or empty. */
    public Mono<String> get(String key) {
        return connection.commands().flatMap(commands -> commands.get(key));
    }

    /**
     * The hash keys matching {@code pattern}, streamed: the next {@code SCAN} step is sent when the
     * subscriber has taken the keys of the one before. A key may come twice, as {@code SCAN} allows.
     */
    public Flux<String> scanHashes(String pattern) {
        KeyScanArgs args = KeyScanArgs.Builder.type("hash");
        args.match(pattern).limit(SCAN_COUNT);
        return connection.commands().flatMapMany(commands -> ScanStream.scan(commands, args));
    }

    /** Runs {@code script} on the node of {@code key} with {@code arguments}; its array reply. */
    public Mono<List<Object>> run(Script script, String key, List<String> arguments) {
        String[] keys = {key};
        String[] values = arguments.toArray(String[]::new);
        return connection.commands().flatMap(commands -> commands.<List<Object>>evalsha(script.sha(),
                        ScriptOutputType.MULTI, keys, values).next()
                .onErrorResume(RedisNoScriptException.class, missing -> commands.<List<Object>>eval(script.source(),
                        ScriptOutputType.MULTI, keys, values).next()));
    }
}
