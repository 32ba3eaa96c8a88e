package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.ConfigBlock;
import dev.refract.codegen.ast.ConfigProperty;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.Expression.FunctionCall;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.source.Span;
import dev.refract.codegen.source.Suggestions;
import dev.refract.meta.Provider;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Datasource blocks, their properties and pool settings, and the datasource names models refer to. */
final class DatasourceRules {

    private static final List<String> PROVIDERS = Arrays.stream(Provider.values()).map(Provider::schemaName).toList();
    private static final String PROVIDER_LIST = "postgresql, mysql, mongodb or redis";

    /** Prisma properties a brought-over schema may hold; Refract has no use for them. */
    /** The property marking a datasource the client only reads. */
    static final String READ_ONLY = "readOnly";

    private static final Set<String> PRISMA_ONLY = Set.of("directUrl", "shadowDatabaseUrl", "relationMode",
            "extensions", "schemas");

    private final Diagnostics diagnostics;

    DatasourceRules(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(SchemaIndex index) {
        List<ConfigBlock> datasources = index.schema().datasources();
        if (datasources.isEmpty()) {
            diagnostics.error(new Span(0, 0), "The schema declares no datasource.",
                    "Add one, e.g. datasource db { provider = \"postgresql\" url = env(\"DATABASE_URL\") }.");
        }
        Map<String, ConfigBlock> seen = new HashMap<>();
        for (ConfigBlock datasource : datasources) {
            ConfigBlock first = seen.putIfAbsent(datasource.name().name(), datasource);
            if (first != null) {
                diagnostics.error(datasource.name().span(), "Datasource \"" + datasource.name().name()
                        + "\" is declared twice.", "Rename one of them; the first is on line "
                                + diagnostics.lineOf(first.name().span()) + ".");
            }
            checkDatasource(datasource);
        }
        for (ModelBlock model : index.modelBlocks()) {
            for (Attribute attribute : model.attributes()) {
                if (attribute.name().equals("datasource") || attribute.name().equals("cache")) {
                    String parameter = attribute.name().equals("datasource") ? "name" : "datasource";
                    attribute.positionalOr(parameter).flatMap(a -> Expressions.name(a.value()))
                            .filter(name -> !index.datasources().containsKey(name.name()))
                            .ifPresent(name -> diagnostics.error(name.span(), "Unknown datasource \"" + name.name()
                                    + "\" in " + attribute.displayName() + " of model \"" + model.name().name()
                                    + "\".", Suggestions.didYouMean(name.name(), index.datasources().keySet(),
                                            "Declared datasources: " + String.join(", ",
                                                    index.datasources().keySet()) + ".")));
                }
            }
        }
    }

    private void checkDatasource(ConfigBlock datasource) {
        String name = datasource.name().name();
        Map<String, ConfigProperty> given = new HashMap<>();
        for (ConfigProperty property : datasource.properties()) {
            String key = property.key().name();
            if (given.putIfAbsent(key, property) != null) {
                diagnostics.error(property.key().span(), "Property \"" + key + "\" of datasource \"" + name
                        + "\" is given twice.", "Remove one of them.");
                continue;
            }
            switch (key) {
                case "provider" -> checkProvider(name, property.value());
                case "url" -> checkUrl(name, property.value());
                case READ_ONLY -> checkReadOnly(name, property.value());
                default -> checkOther(name, property);
            }
        }
        if (!given.containsKey("provider")) {
            diagnostics.error(datasource.name().span(), "Datasource \"" + name + "\" has no provider.",
                    "Add provider = \"postgresql\" (or \"mysql\", \"mongodb\", \"redis\").");
        }
        if (!given.containsKey("url")) {
            diagnostics.error(datasource.name().span(), "Datasource \"" + name + "\" has no url.",
                    "Add url = env(\"DATABASE_URL\"), or the URL itself in double quotes.");
        }
        ConfigProperty size = given.get(PoolSettings.SIZE);
        ConfigProperty minIdle = given.get(PoolSettings.MIN_IDLE);
        if (size != null && minIdle != null) {
            Optional<Long> sizeValue = Expressions.integer(size.value());
            Optional<Long> minIdleValue = Expressions.integer(minIdle.value());
            if (sizeValue.isPresent() && minIdleValue.isPresent() && minIdleValue.get() > sizeValue.get()) {
                diagnostics.error(minIdle.value().span(), PoolSettings.MIN_IDLE + " of datasource \"" + name
                        + "\" is " + minIdleValue.get() + ", more than its " + PoolSettings.SIZE + " of "
                        + sizeValue.get() + ".", "Lower " + PoolSettings.MIN_IDLE + " or raise "
                                + PoolSettings.SIZE + ".");
            }
        }
    }

    private void checkProvider(String datasource, Expression value) {
        Optional<String> text = Expressions.string(value);
        if (text.isEmpty()) {
            diagnostics.error(value.span(), "The provider of datasource \"" + datasource
                    + "\" must be a string, not " + Expressions.describe(value) + ".",
                    "Write it in double quotes: provider = \"postgresql\".");
        } else if (Provider.fromSchemaName(text.get()) == null) {
            String known = "Refract supports " + PROVIDER_LIST + ".";
            String suggestion = Suggestions.closest(text.get(), PROVIDERS).map(p -> "Did you mean \"" + p + "\"? ")
                    .orElse("");
            diagnostics.error(value.span(), "Unknown provider \"" + text.get() + "\" in datasource \"" + datasource
                    + "\".", suggestion + known);
        }
    }

    private void checkUrl(String datasource, Expression value) {
        if (value instanceof Expression.StringLiteral literal) {
            if (literal.value().isBlank()) {
                diagnostics.error(value.span(), "The url of datasource \"" + datasource + "\" is empty.",
                        "Write the URL, or read it from the environment with env(\"DATABASE_URL\").");
            }
            return;
        }
        if (value instanceof FunctionCall call && call.name().equals("env") && call.arguments().size() == 1
                && call.arguments().get(0).name() == null
                && Expressions.string(call.arguments().get(0).value()).filter(v -> !v.isBlank()).isPresent()) {
            return;
        }
        diagnostics.error(value.span(), "The url of datasource \"" + datasource
                + "\" must be a string or env(\"VARIABLE\").",
                "Write url = env(\"DATABASE_URL\") or the URL itself in double quotes.");
    }

    private void checkReadOnly(String datasource, Expression value) {
        if (Expressions.bool(value).isEmpty()) {
            diagnostics.error(value.span(), READ_ONLY + " of datasource \"" + datasource + "\" must be true or false, not "
                    + Expressions.describe(value) + ".", "Write " + READ_ONLY + " = true to refuse writes through the"
                            + " client and keep migrations away from the datasource.");
        }
    }

    private void checkOther(String datasource, ConfigProperty property) {
        String key = property.key().name();
        if (PoolSettings.KEYS.contains(key)) {
            PoolSettings.problem(key, property.value()).ifPresent(problem -> diagnostics.error(
                    property.value().span(), key + " of datasource \"" + datasource + "\" " + problem + ".",
                    hintFor(key)));
        } else if (PRISMA_ONLY.contains(key)) {
            diagnostics.warning(property.key().span(), "Property \"" + key + "\" of datasource \"" + datasource
                    + "\" is not used by Refract and is ignored.", "Remove it unless Prisma's own tools still read "
                            + "this file.");
        } else {
            List<String> known = new ArrayList<>(List.of("provider", "url"));
            known.addAll(PoolSettings.KEYS);
            known.add(READ_ONLY);
            diagnostics.error(property.key().span(), "Unknown property \"" + key + "\" in datasource \""
                    + datasource + "\".", Suggestions.didYouMean(key, known,
                            "A datasource takes: " + String.join(", ", known) + "."));
        }
    }

    private static String hintFor(String poolKey) {
        return switch (poolKey) {
            case PoolSettings.SIZE -> "For example: poolSize = 20.";
            case PoolSettings.MIN_IDLE -> "For example: poolMinIdle = 2.";
            case PoolSettings.ACQUIRE_TIMEOUT -> "For example: poolAcquireTimeout = \"5s\".";
            default -> "For example: poolMaxIdleTime = \"5m\".";
        };
    }
}
