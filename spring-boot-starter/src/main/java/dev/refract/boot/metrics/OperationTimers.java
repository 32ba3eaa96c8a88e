package dev.refract.boot.metrics;

import dev.refract.client.OperationEvent;
import dev.refract.client.OperationListener;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Times every model operation of the client in the timer {@value #NAME}, tagged {@code datasource},
 * {@code model}, {@code operation} (the client method, e.g. {@code findMany}) and {@code outcome}
 * ({@code success}, {@code error} or {@code cancelled}).
 */
public final class OperationTimers implements OperationListener {

    /** The timer's name. */
    public static final String NAME = "refract.client.operations";

    private static final String[] OUTCOMES = outcomeTags();

    private final Meter.MeterProvider<Timer> timers;

    /** Timers registered in {@code registry}. */
    public OperationTimers(MeterRegistry registry) {
        this.timers = Timer.builder(NAME)
                .description("Model operations of the Refract client, from subscription to their end")
                .withRegistry(registry);
    }

    @Override
    public void operationEnded(OperationEvent event) {
        timers.withTags("datasource", event.datasource(), "model", event.model(), "operation", event.operation(),
                "outcome", OUTCOMES[event.outcome().ordinal()]).record(event.durationNanos(), TimeUnit.NANOSECONDS);
    }

    private static String[] outcomeTags() {
        OperationEvent.Outcome[] outcomes = OperationEvent.Outcome.values();
        String[] tags = new String[outcomes.length];
        for (OperationEvent.Outcome outcome : outcomes) {
            tags[outcome.ordinal()] = outcome.name().toLowerCase(Locale.ROOT);
        }
        return tags;
    }
}
