package dev.refract.codegen.validate;

import dev.refract.codegen.ast.ConfigBlock;
import dev.refract.codegen.ast.ConfigProperty;
import dev.refract.codegen.ast.Schema;
import dev.refract.codegen.naming.Naming;
import dev.refract.codegen.source.Suggestions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Generator blocks. Only {@code refract-java} is read; blocks for other generators (a brought-over
 * {@code prisma-client-js}) are ignored with a warning.
 */
final class GeneratorRules {

    static final String JAVA_PROVIDER = "refract-java";
    static final String DEFAULT_CLIENT_NAME = "RefractClient";
    private static final List<String> JAVA_PROPERTIES = List.of("provider", "package", "clientName", "output");

    private final Diagnostics diagnostics;
    private final Naming naming = new Naming();

    GeneratorRules(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** The first generator block asking for the Java client. */
    static Optional<ConfigBlock> javaGenerator(Schema schema) {
        return schema.generators().stream().filter(GeneratorRules::isJava).findFirst();
    }

    private static boolean isJava(ConfigBlock generator) {
        return generator.property("provider").flatMap(p -> Expressions.string(p.value()))
                .filter(JAVA_PROVIDER::equals).isPresent();
    }

    void check(SchemaIndex index) {
        ConfigBlock javaGenerator = null;
        for (ConfigBlock generator : index.schema().generators()) {
            String name = generator.name().name();
            Optional<ConfigProperty> provider = generator.property("provider");
            if (provider.isEmpty()) {
                diagnostics.error(generator.name().span(), "Generator \"" + name + "\" has no provider.",
                        "Add provider = \"" + JAVA_PROVIDER + "\".");
                continue;
            }
            Optional<String> providerName = Expressions.string(provider.get().value());
            if (providerName.isEmpty()) {
                diagnostics.error(provider.get().value().span(), "The provider of generator \"" + name
                        + "\" must be a string, not " + Expressions.describe(provider.get().value()) + ".",
                        "Write it in double quotes: provider = \"" + JAVA_PROVIDER + "\".");
                continue;
            }
            if (!providerName.get().equals(JAVA_PROVIDER)) {
                diagnostics.warning(provider.get().value().span(), "Generator \"" + name + "\" with provider \""
                        + providerName.get() + "\" is ignored; Refract generates only for \"" + JAVA_PROVIDER
                        + "\".", Suggestions.didYouMean(providerName.get(), List.of(JAVA_PROVIDER), null));
                continue;
            }
            if (javaGenerator != null) {
                diagnostics.error(generator.name().span(), "Generator \"" + name + "\" is a second \""
                        + JAVA_PROVIDER + "\" generator.", "Keep one; the first is \"" + javaGenerator.name().name()
                                + "\" on line " + diagnostics.lineOf(javaGenerator.name().span()) + ".");
                continue;
            }
            javaGenerator = generator;
            checkJavaGenerator(generator);
        }
    }

    private void checkJavaGenerator(ConfigBlock generator) {
        String name = generator.name().name();
        Set<String> given = new HashSet<>();
        for (ConfigProperty property : generator.properties()) {
            String key = property.key().name();
            if (!given.add(key)) {
                diagnostics.error(property.key().span(), "Property \"" + key + "\" of generator \"" + name
                        + "\" is given twice.", "Remove one of them.");
                continue;
            }
            if (!JAVA_PROPERTIES.contains(key)) {
                diagnostics.error(property.key().span(), "Unknown property \"" + key + "\" in generator \"" + name
                        + "\".", Suggestions.didYouMean(key, JAVA_PROPERTIES,
                                "The " + JAVA_PROVIDER + " generator takes: " + String.join(", ", JAVA_PROPERTIES)
                                        + "."));
                continue;
            }
            if (key.equals("provider")) {
                continue;
            }
            Optional<String> value = Expressions.string(property.value());
            if (value.isEmpty()) {
                diagnostics.error(property.value().span(), "Property \"" + key + "\" of generator \"" + name
                        + "\" must be a string, not " + Expressions.describe(property.value()) + ".",
                        "Write it in double quotes.");
            } else if (key.equals("package") && !SourceVersion.isName(value.get())) {
                diagnostics.error(property.value().span(), "\"" + value.get()
                        + "\" is not a valid Java package name (generator \"" + name + "\").",
                        "Each dot-separated part must be a Java identifier that is not a reserved word, "
                                + "e.g. \"com.example.db\".");
            } else if (key.equals("clientName") && !isClassName(value.get())) {
                diagnostics.error(property.value().span(), "\"" + value.get()
                        + "\" is not a valid Java class name (generator \"" + name + "\").",
                        "Use a Java identifier that is not a reserved word, e.g. \"" + DEFAULT_CLIENT_NAME + "\".");
            }
        }
        if (!given.contains("package")) {
            diagnostics.error(generator.name().span(), "Generator \"" + name + "\" has no package.",
                    "Add package = \"com.example.db\": the Java package of the generated sources.");
        }
    }

    /** A simple name Java accepts for a class: an identifier, not reserved ({@code record} included). */
    private boolean isClassName(String name) {
        return SourceVersion.isName(name) && name.indexOf('.') < 0 && !naming.isReserved(name);
    }
}
