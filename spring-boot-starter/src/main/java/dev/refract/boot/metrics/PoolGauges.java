package dev.refract.boot.metrics;

import dev.refract.client.ClientCore;
import dev.refract.meta.DatasourceMeta;
import dev.refract.spi.PoolUsage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.function.ToIntFunction;

/**
 * Gauges of each datasource's connection pool, tagged {@code datasource}: {@code refract.pool.acquired},
 * {@code refract.pool.idle}, {@code refract.pool.pending} and {@code refract.pool.max}. They read the
 * adapter's {@link PoolUsage} when scraped; before the datasource's first use, or for an adapter that
 * reports no pool, they show no value (NaN).
 */
public final class PoolGauges implements MeterBinder {

    private final ClientCore core;

    /** Gauges of the pools of {@code core}'s datasources. */
    public PoolGauges(ClientCore core) {
        this.core = Objects.requireNonNull(core, "core");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DatasourceMeta datasource : core.schema().datasources()) {
            String name = datasource.name();
            gauge(registry, "refract.pool.acquired", "Connections handed out and not yet given back", name,
                    PoolUsage::acquired);
            gauge(registry, "refract.pool.idle", "Open connections waiting in the pool", name, PoolUsage::idle);
            gauge(registry, "refract.pool.pending", "Calls waiting for a connection", name, PoolUsage::pending);
            gauge(registry, "refract.pool.max", "The most connections the pool opens", name, PoolUsage::maxSize);
        }
    }

    private void gauge(MeterRegistry registry, String metric, String description, String datasource,
            ToIntFunction<PoolUsage> value) {
        Gauge.builder(metric, core, client -> client.poolUsage(datasource).map(usage -> (double) value.applyAsInt(usage))
                        .orElse(Double.NaN))
                .description(description)
                .baseUnit("connections")
                .tag("datasource", datasource)
                .register(registry);
    }
}
