package dev.refract.redis.connect;

import dev.refract.error.ClientClosedException;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.reactive.RedisClusterReactiveCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;

/**
 * The datasource's one multiplexed Lettuce connection (Lettuce's shared connection: every command
 * of every caller is pipelined over it, and no command holds it), made on the first operation and
 * kept until {@link #close()}. A failed attempt is not remembered: the next operation tries again.
 * On a Redis Cluster it is a cluster connection that routes each command to the master of its key's
 * slot.
 */
public final class RedisConnection {

    private final RedisEndpoint endpoint;
    private final Duration timeout;
    private final AtomicReference<State> state = new AtomicReference<>(State.NONE);
    private final Mono<RedisClusterReactiveCommands<String, String>> commands;
    /** Callers waiting for the connection to be made. */
    private final AtomicInteger waiting = new AtomicInteger();

    /** What is open. */
    private record State(Object client, AutoCloseable connection, boolean closed) {
        static final State NONE = new State(null, null, false);
    }

    /** A connection to {@code endpoint}, not made yet; {@code timeout} bounds connecting and each command. */
    public RedisConnection(RedisEndpoint endpoint, Duration timeout) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.commands = Mono.defer(this::connect)
                .cacheInvalidateIf(connected -> false);
    }

    /** The reactive commands of the connection, connecting on first use. */
    public Mono<RedisClusterReactiveCommands<String, String>> commands() {
        return Mono.defer(() -> {
            State current = state.get();
            if (current.closed()) {
                return Mono.error(new ClientClosedException(null));
            }
            if (current.client() != null) {
                return commands;
            }
            waiting.incrementAndGet();
            return commands.doFinally(signal -> waiting.decrementAndGet());
        });
    }

    /** True while the connection is open: made, and not closed. */
    public boolean open() {
        return state.get().client() != null;
    }

    /** How many callers wait for the connection to be made now. */
    public int waiting() {
        return waiting.get();
    }

    private Mono<RedisClusterReactiveCommands<String, String>> connect() {
        SocketOptions socket = SocketOptions.builder().connectTimeout(timeout).build();
        if (endpoint.cluster()) {
            RedisClusterClient client = RedisClusterClient.create(endpoint.nodes());
            client.setOptions(ClusterClientOptions.builder().socketOptions(socket).build());
            // the cluster's topology is read first: connecting needs the partitions known
            return Mono.fromCompletionStage(client::refreshPartitionsAsync)
                    .then(Mono.fromCompletionStage(() -> client.connectAsync(StringCodec.UTF8)))
                    .onErrorResume(e -> Mono.fromCompletionStage(client.shutdownAsync()).onErrorResume(x -> Mono.empty())
                            .then(Mono.error(e)))
                    .flatMap(connection -> keep(client, connection, connection.reactive()));
        }
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder().socketOptions(socket).build());
        return Mono.fromCompletionStage(() -> client.connectAsync(StringCodec.UTF8, endpoint.nodes().get(0)))
                .onErrorResume(e -> Mono.fromCompletionStage(client.shutdownAsync()).onErrorResume(x -> Mono.empty())
                        .then(Mono.error(e)))
                .flatMap(connection -> keep(client, connection, connection.reactive()));
    }

    private Mono<RedisClusterReactiveCommands<String, String>> keep(Object client, AutoCloseable connection,
            RedisClusterReactiveCommands<String, String> reactive) {
        State opened = new State(client, connection, false);
        if (state.compareAndSet(State.NONE, opened)) {
            return Mono.just(reactive);
        }
        // closed while connecting: release what was just made
        return release(opened).then(Mono.error(new ClientClosedException(null)));
    }

    /** Closes the connection and shuts the client down; idempotent. */
    public Mono<Void> close() {
        return Mono.defer(() -> {
            State previous = state.getAndSet(new State(null, null, true));
            return previous.closed() ? Mono.empty() : release(previous);
        });
    }

    private static Mono<Void> release(State state) {
        if (state.client() == null) {
            return Mono.empty();
        }
        Mono<Void> connection = state.connection() instanceof StatefulRedisClusterConnection<?, ?> cluster
                ? Mono.fromCompletionStage(cluster.closeAsync())
                : Mono.fromCompletionStage(((StatefulRedisConnection<?, ?>) state.connection()).closeAsync());
        Mono<Void> client = Mono.fromCompletionStage(((AbstractRedisClient) state.client())
                .shutdownAsync(0, 2, TimeUnit.SECONDS));
        return connection.onErrorResume(e -> Mono.empty()).then(client).onErrorResume(e -> Mono.empty());
    }
}
