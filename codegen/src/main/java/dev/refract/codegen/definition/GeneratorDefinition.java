package dev.refract.codegen.definition;

/**
 * The {@code generator} block that asks for the Java client.
 *
 * @param provider    {@code refract-java}
 * @param packageName the Java package of the generated sources
 * @param clientName  the simple name of the client class, {@code RefractClient} unless written
 * @param output      the {@code output} property, or {@code null}; the command line and the Maven
 *                    plugin decide where sources go when it is absent
 */
public record GeneratorDefinition(String name, String provider, String packageName, String clientName,
        String output) {}
