package dev.refract.client;

/**
 * What every generated client offers the frameworks that manage it (such as the Spring Boot
 * starter): the core it runs on, whose datasources they check, measure and close. Application code
 * calls the generated client's own methods instead.
 *
 * <p>A generated client also has a static {@code of(ClientOptions)} that builds it from options
 * assembled elsewhere, which is how such a framework makes one.
 */
public interface GeneratedClient {

    /** The core this client delegates to. */
    ClientCore core();
}
