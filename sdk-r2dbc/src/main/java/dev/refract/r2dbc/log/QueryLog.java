package dev.refract.r2dbc.log;

import dev.refract.r2dbc.sql.Bind;
import dev.refract.r2dbc.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Logs one event per statement run, when it completes, fails or is cancelled. Parameter values
 * may be personal data or secrets, so they are shown only when asked for.
 */
public final class QueryLog {

    /** The logger every event goes to. */
    public static final String LOGGER = "dev.refract.query";
    /** Set to {@code true} to show parameter values in query events of every adapter. */
    public static final String SHOW_PARAMETERS_PROPERTY = "refract.log.parameters";

    private final Logger logger;
    private final String datasource;
    private final boolean showParameters;

    /**
     * A log for {@code datasource}.
     *
     * @param showParameters true to show bound values; false still shows them when the system
     *                       property {@value #SHOW_PARAMETERS_PROPERTY} is {@code true}
     */
    public QueryLog(String datasource, boolean showParameters) {
        this.logger = LoggerFactory.getLogger(LOGGER);
        this.datasource = datasource;
        this.showParameters = showParameters || Boolean.getBoolean(SHOW_PARAMETERS_PROPERTY);
    }

    /** {@code rows} that log an event, with the number of rows passed on, when they end. */
    public <T> Flux<T> observe(Flux<T> rows, String model, String operation, SqlStatement statement) {
        if (!logger.isDebugEnabled()) {
            return rows;
        }
        return Flux.defer(() -> {
            long start = System.nanoTime();
            AtomicLong count = new AtomicLong();
            return rows.doOnNext(row -> count.incrementAndGet())
                    .doFinally(signal -> log(model, operation, statement, count.get(), start, signal));
        });
    }

    /** {@code result} that logs an event, with {@code countOf} its result, when it ends. */
    public <T> Mono<T> observe(Mono<T> result, String model, String operation, SqlStatement statement,
            java.util.function.ToLongFunction<T> countOf) {
        if (!logger.isDebugEnabled()) {
            return result;
        }
        return Mono.defer(() -> {
            long start = System.nanoTime();
            AtomicLong count = new AtomicLong();
            return result.doOnNext(value -> count.set(countOf.applyAsLong(value)))
                    .doFinally(signal -> log(model, operation, statement, count.get(), start, signal));
        });
    }

    private void log(String model, String operation, SqlStatement statement, long rows, long start,
            SignalType signal) {
        long micros = (System.nanoTime() - start) / 1_000;
        String outcome = switch (signal) {
            case ON_COMPLETE -> "completed";
            case ON_ERROR -> "failed";
            case CANCEL -> "cancelled";
            default -> signal.toString();
        };
        logger.debug("query datasource={} model={} operation={} rows={} durationMs={} outcome={} sql={} parameters={}",
                datasource, model, operation, rows, micros / 1000.0, outcome, statement.sql(),
                parameters(statement.parameters()));
    }

    /** The parameters as an event shows them: their values only when asked for. */
    String parameters(List<Bind> binds) {
        if (!showParameters) {
            return "[" + binds.size() + " hidden]";
        }
        List<String> shown = new ArrayList<>(binds.size());
        for (Bind bind : binds) {
            Object value = bind.value();
            shown.add(value instanceof byte[] bytes ? "<" + bytes.length + " bytes>" : String.valueOf(value));
        }
        return shown.toString();
    }
}
