package dev.refract.client;

import dev.refract.meta.SchemaMeta;
import dev.refract.query.Operation;
import java.util.Locale;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Times the operations of a client that has an {@link OperationListener}: from subscription to the
 * end, reported once. The names an event carries are looked up in arrays built once, by model index.
 */
final class OperationTimer {

    private final OperationListener listener;
    private final String[] modelNames;
    private final String[] datasourceNames;
    /** The client method of each operation type, e.g. {@code findMany} for {@code FindMany}. */
    private final ClassValue<String> operationNames = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            String simple = type.getSimpleName();
            return simple.substring(0, 1).toLowerCase(Locale.ROOT) + simple.substring(1);
        }
    };

    OperationTimer(SchemaMeta schema, OperationListener listener) {
        this.listener = listener;
        int models = schema.models().size();
        this.modelNames = new String[models];
        this.datasourceNames = new String[models];
        for (int i = 0; i < models; i++) {
            modelNames[i] = schema.model(i).name();
            datasourceNames[i] = schema.datasource(schema.model(i).datasource()).name();
        }
    }

    <T> Mono<T> time(Mono<T> call, Operation operation) {
        return Mono.defer(() -> {
            long start = System.nanoTime();
            return call.doOnSuccess(result -> report(operation, OperationEvent.Outcome.SUCCESS, start, null))
                    .doOnError(error -> report(operation, OperationEvent.Outcome.ERROR, start, error))
                    .doOnCancel(() -> report(operation, OperationEvent.Outcome.CANCELLED, start, null));
        });
    }

    <T> Flux<T> time(Flux<T> call, Operation operation) {
        return Flux.defer(() -> {
            long start = System.nanoTime();
            return call.doOnComplete(() -> report(operation, OperationEvent.Outcome.SUCCESS, start, null))
                    .doOnError(error -> report(operation, OperationEvent.Outcome.ERROR, start, error))
                    .doOnCancel(() -> report(operation, OperationEvent.Outcome.CANCELLED, start, null));
        });
    }

    private void report(Operation operation, OperationEvent.Outcome outcome, long start, Throwable error) {
        OperationEvent event = new OperationEvent(datasourceNames[operation.model()], modelNames[operation.model()],
                operationNames.get(operation.getClass()), outcome, System.nanoTime() - start, error);
        try {
            listener.operationEnded(event);
        } catch (RuntimeException dropped) {
            // the listener's contract forbids throwing; the user's call must not fail because it did
        }
    }
}
