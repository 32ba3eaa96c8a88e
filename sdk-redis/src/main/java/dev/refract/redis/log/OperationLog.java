package dev.refract.redis.log;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Logs one event per operation of a Redis datasource, at debug level on the logger the SQL adapters
 * use, when it completes, fails or is cancelled: the model, the operation, whether it read by
 * direct look-ups or by a scan, the rows passed on and the time taken. Values are never logged.
 */
public final class OperationLog {

    /** The logger every event goes to, shared with the other adapters. */
    public static final String LOGGER = "dev.refract.query";

    private final Logger logger = LoggerFactory.getLogger(LOGGER);
    private final String datasource;

    /** A log for {@code datasource}. */
    public OperationLog(String datasource) {
        this.datasource = datasource;
    }

    /** {@code rows} that log an event with the number of rows passed on when they end. */
    public <T> Flux<T> observe(Flux<T> rows, String model, String operation, String access) {
        if (!logger.isDebugEnabled()) {
            return rows;
        }
        return Flux.defer(() -> {
            long start = System.nanoTime();
            AtomicLong count = new AtomicLong();
            return rows.doOnNext(row -> count.incrementAndGet())
                    .doFinally(signal -> log(model, operation, access, count.get(), start, signal));
        });
    }

    /** {@code result} that logs an event when it ends. */
    public <T> Mono<T> observe(Mono<T> result, String model, String operation, String access) {
        return observe(result.flux(), model, operation, access).next();
    }

    private void log(String model, String operation, String access, long rows, long start, SignalType signal) {
        long micros = (System.nanoTime() - start) / 1_000;
        String outcome = switch (signal) {
            case ON_COMPLETE -> "completed";
            case ON_ERROR -> "failed";
            case CANCEL -> "cancelled";
            default -> signal.toString();
        };
        logger.debug("query datasource={} model={} operation={} access={} rows={} durationMs={} outcome={}",
                datasource, model, operation, access, rows, micros / 1000.0, outcome);
    }
}
