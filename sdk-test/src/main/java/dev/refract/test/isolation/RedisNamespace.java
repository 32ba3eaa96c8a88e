package dev.refract.test.isolation;

import dev.refract.test.services.RedisService;
import dev.refract.test.services.ServerEndpoint;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A key prefix of its own for one test class, e.g. {@code rt_sessionstoreit_3fa9c2e17b04:}.
 * Redis has no cheap namespaces inside a database, so the test writes its keys under
 * {@link #prefix()}; {@link #close()} deletes every key that starts with it (found with
 * {@code SCAN}, never {@code FLUSHDB}, so other tests on the same server keep their keys).
 */
public final class RedisNamespace extends AbstractTestNamespace implements TestNamespace {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);

    private RedisNamespace(ServerEndpoint endpoint, String prefix) {
        super(endpoint, prefix);
    }

    /** A prefix named after {@code label} on this JVM's Redis server. */
    public static RedisNamespace create(String label) {
        return create(RedisService.endpoint(), label);
    }

    /** A prefix named after {@code label} on {@code endpoint}; nothing is written until the test writes. */
    public static RedisNamespace create(ServerEndpoint endpoint, String label) {
        return new RedisNamespace(endpoint, NamespaceNames.generate(label) + ":");
    }

    /** The prefix every key of the test starts with, ending in {@code :}. */
    public String prefix() {
        return name();
    }

    /** {@code prefix() + suffix}. */
    public String key(String suffix) {
        return prefix() + suffix;
    }

    /** The server's URL, e.g. {@code redis://127.0.0.1:6379/0}; the prefix is the caller's to apply. */
    public String redisUrl() {
        return endpoint().redisUrl();
    }

    /** The keys that now exist under the prefix (blocking; for checks in tests). */
    public List<String> keys() {
        return withCommands(this::scanOwnKeys);
    }

    @Override
    void drop() {
        withCommands(commands -> {
            List<String> keys = scanOwnKeys(commands);
            for (int from = 0; from < keys.size(); from += 500) {
                commands.del(keys.subList(from, Math.min(keys.size(), from + 500)).toArray(String[]::new));
            }
            return keys.size();
        });
    }

    @Override
    public String toString() {
        return "RedisNamespace[" + prefix() + "* on " + endpoint().describe() + "]";
    }

    private List<String> scanOwnKeys(RedisCommands<String, String> commands) {
        List<String> keys = new ArrayList<>();
        ScanArgs matching = ScanArgs.Builder.matches(prefix() + "*").limit(500);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = commands.scan(cursor, matching);
            keys.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return keys;
    }

    private <T> T withCommands(Function<RedisCommands<String, String>, T> work) {
        RedisURI uri = RedisURI.create(endpoint().redisUrl());
        uri.setTimeout(COMMAND_TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return work.apply(connection.sync());
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not reach the keys under " + prefix() + " on "
                    + endpoint().describe() + ": " + e.getMessage(), e);
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
