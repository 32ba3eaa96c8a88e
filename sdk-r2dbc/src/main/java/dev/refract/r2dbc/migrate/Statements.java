package dev.refract.r2dbc.migrate;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the few statements migration commands send on a connection they hold. Arguments bind in
 * order to the dialect's placeholders; a {@code null} argument binds as a text {@code NULL}, the
 * only kind of {@code NULL} the history table is written with. Nothing is sent until subscription,
 * and each subscription sends the statement again.
 */
final class Statements {

    private Statements() {
    }

    /** Runs {@code sql} and drains every result, completing with the rows it changed. */
    static Mono<Long> execute(Connection connection, String sql, Object... arguments) {
        return Flux.defer(() -> bind(connection.createStatement(sql), arguments).execute())
                .concatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum);
    }

    /** Runs the query {@code sql} and maps each row of its results. */
    static <T> Flux<T> query(Connection connection, String sql, Function<Row, T> mapper, Object... arguments) {
        return Flux.defer(() -> bind(connection.createStatement(sql), arguments).execute())
                .concatMap(result -> result.map((row, metadata) -> mapper.apply(row)));
    }

    private static Statement bind(Statement statement, Object... arguments) {
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i] == null) {
                statement.bindNull(i, String.class);
            } else {
                statement.bind(i, arguments[i]);
            }
        }
        return statement;
    }

    /** Runs {@code work} in a transaction: committed when it completes, rolled back when it fails. */
    static Mono<Void> inTransaction(Connection connection, Mono<Void> work) {
        return Mono.from(connection.beginTransaction())
                .then(work)
                .then(Mono.from(connection.commitTransaction()))
                .onErrorResume(error -> Mono.from(connection.rollbackTransaction())
                        .onErrorResume(rollbackError -> {
                            error.addSuppressed(rollbackError);
                            return Mono.empty();
                        })
                        .then(Mono.error(error)));
    }
}
