package dev.refract.spi;

import dev.refract.meta.Provider;

/**
 * The factory an adapter artifact registers with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/dev.refract.spi.AdapterProvider}. The client looks providers up once,
 * when it is built, never on a call path.
 */
public interface AdapterProvider {

    /** True when this factory serves datasources of {@code provider}. */
    boolean supports(Provider provider);

    /**
     * A new adapter for one datasource. It must not connect yet: the first operation does.
     *
     * @throws IllegalArgumentException when the configuration is unusable, e.g. a malformed URL
     */
    Adapter create(AdapterConfig config);
}
