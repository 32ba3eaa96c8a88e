package dev.refract.mongo.log;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Logs one event per command run, when it completes, fails or is cancelled, to the logger every
 * adapter uses ({@value #LOGGER}). The command is shown with every value replaced by {@code ?}, keys and
 * operators kept: values may be personal data or secrets, so they are shown only when asked for.
 */
public final class QueryLog {

    /** The logger every event goes to. */
    public static final String LOGGER = "dev.refract.query";
    /** Set to {@code true} to show values in query events of every adapter. */
    public static final String SHOW_PARAMETERS_PROPERTY = "refract.log.parameters";

    private static final BsonString HIDDEN = new BsonString("?");

    private final Logger logger;
    private final String datasource;
    private final boolean showParameters;

    /** A log for {@code datasource}; {@code showParameters} shows values (as does the system property). */
    public QueryLog(String datasource, boolean showParameters) {
        this.logger = LoggerFactory.getLogger(LOGGER);
        this.datasource = datasource;
        this.showParameters = showParameters || Boolean.getBoolean(SHOW_PARAMETERS_PROPERTY);
    }

    /** {@code rows} that log an event, with the number of rows passed on, when they end. */
    public <T> Flux<T> observe(Flux<T> rows, String model, String operation, String collection, Object command) {
        if (!logger.isDebugEnabled()) {
            return rows;
        }
        return Flux.defer(() -> {
            long start = System.nanoTime();
            AtomicLong count = new AtomicLong();
            return rows.doOnNext(row -> count.incrementAndGet())
                    .doFinally(signal -> log(model, operation, collection, command, count.get(), start, signal));
        });
    }

    /** {@code result} that logs an event, with {@code countOf} its result, when it ends. */
    public <T> Mono<T> observe(Mono<T> result, String model, String operation, String collection, Object command,
            ToLongFunction<T> countOf) {
        if (!logger.isDebugEnabled()) {
            return result;
        }
        return Mono.defer(() -> {
            long start = System.nanoTime();
            AtomicLong count = new AtomicLong();
            return result.doOnNext(value -> count.set(countOf.applyAsLong(value)))
                    .doFinally(signal -> log(model, operation, collection, command, count.get(), start, signal));
        });
    }

    private void log(String model, String operation, String collection, Object command, long rows, long start,
            SignalType signal) {
        long micros = (System.nanoTime() - start) / 1_000;
        String outcome = switch (signal) {
            case ON_COMPLETE -> "completed";
            case ON_ERROR -> "failed";
            case CANCEL -> "cancelled";
            default -> signal.toString();
        };
        logger.debug("query datasource={} model={} operation={} rows={} durationMs={} outcome={} collection={} command={}",
                datasource, model, operation, rows, micros / 1000.0, outcome, collection, shown(command));
    }

    /** The command as an event shows it: with values only when asked for. */
    public String shown(Object command) {
        if (command instanceof BsonValue value) {
            return (showParameters ? value : hide(value)).toString();
        }
        if (command instanceof Iterable<?> parts) {
            StringBuilder text = new StringBuilder("[");
            for (Object part : parts) {
                text.append(text.length() == 1 ? "" : ", ").append(shown(part));
            }
            return text.append(']').toString();
        }
        return String.valueOf(command);
    }

    /** {@code value} with every leaf replaced by {@code ?}, operators and keys kept. */
    static BsonValue hide(BsonValue value) {
        if (value.isDocument()) {
            BsonDocument hidden = new BsonDocument();
            for (Map.Entry<String, BsonValue> entry : value.asDocument().entrySet()) {
                hidden.append(entry.getKey(), hide(entry.getValue()));
            }
            return hidden;
        }
        if (value.isArray()) {
            BsonArray hidden = new BsonArray();
            for (BsonValue element : value.asArray()) {
                hidden.add(hide(element));
            }
            return hidden;
        }
        return HIDDEN;
    }
}
