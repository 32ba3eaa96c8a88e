package dev.refract.boot.health;

import dev.refract.client.ClientCore;
import dev.refract.error.UrlRedaction;
import dev.refract.meta.DatasourceMeta;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

/**
 * The health of one datasource of the client: up when its database answers a ping within the
 * timeout, down with the error (its URL's password hidden) when it does not, unknown when its adapter
 * cannot be pinged. The ping holds a pooled connection only for its round trip, and a timed-out ping
 * gives its connection back.
 */
public final class DatasourceHealthIndicator implements ReactiveHealthIndicator {

    private final ClientCore core;
    private final DatasourceMeta datasource;
    private final Duration timeout;

    /** The health of {@code datasource} of {@code core}'s schema, which must answer within {@code timeout}. */
    public DatasourceHealthIndicator(ClientCore core, DatasourceMeta datasource, Duration timeout) {
        this.core = Objects.requireNonNull(core, "core");
        this.datasource = Objects.requireNonNull(datasource, "datasource");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Mono<Health> health() {
        String provider = datasource.provider().schemaName();
        return core.ping(datasource.name())
                .timeout(timeout)
                .then(Mono.fromSupplier(() -> Health.up().withDetail("provider", provider).build()))
                .onErrorResume(UnsupportedOperationException.class, e -> Mono.just(Health.unknown()
                        .withDetail("provider", provider).withDetail("reason", describe(e)).build()))
                .onErrorResume(e -> Mono.just(Health.down().withDetail("provider", provider)
                        .withDetail("error", describe(e)).build()));
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getName() + (message == null ? "" : ": " + UrlRedaction.redact(message));
    }
}
