package dev.refract.boot.autoconfigure;

import dev.refract.client.ClientOptions;

/**
 * Adjusts the options the auto-configured client is built with, after the {@code refract.*}
 * properties have been applied: e.g. a clock, id generators or an adapter provider of the
 * application's own. Declare it as a bean; several run in their {@code @Order}.
 */
@FunctionalInterface
public interface RefractClientOptionsCustomizer {

    /** Changes {@code options} as the application needs. */
    void customize(ClientOptions.Builder options);
}
