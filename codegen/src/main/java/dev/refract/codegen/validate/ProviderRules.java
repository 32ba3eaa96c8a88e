package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.Expression.FunctionCall;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.TypeRef.Arity;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.source.Suggestions;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each provider can hold: native types, scalar lists, ObjectId ids, generated keys, time to
 * live and caching. A model is checked against the provider of its datasource, a composite type
 * against MongoDB.
 */
final class ProviderRules {

    private final Diagnostics diagnostics;
    private final SchemaIndex index;

    ProviderRules(Diagnostics diagnostics, SchemaIndex index) {
        this.diagnostics = diagnostics;
        this.index = index;
    }

    void check() {
        for (ModelBlock block : index.schema().models()) {
            Optional<Provider> provider = index.providerOfBlock(block);
            if (provider.isEmpty()) {
                continue; // no datasource or a misspelled provider, both reported by DatasourceRules
            }
            for (Field field : block.fields()) {
                checkField(block, field, provider.get());
            }
            if (block.kind() == ModelBlock.Kind.MODEL) {
                checkModel(block, provider.get());
            }
        }
    }

    private String placeOf(ModelBlock block, Provider provider) {
        return block.kind() == ModelBlock.Kind.MODEL
                ? "datasource \"" + index.datasourceOf(block).orElse("") + "\" (" + provider.schemaName() + ")"
                : provider.schemaName();
    }

    private void checkField(ModelBlock block, Field field, Provider provider) {
        String owner = DefaultRules.owner(block, field);
        for (Attribute attribute : field.attributes()) {
            if (!attribute.blockLevel() && AttributeCatalog.isNativeType(attribute.name())) {
                checkNativeType(block, field, attribute, provider);
            }
        }
        Optional<FieldType> type = index.typeOf(field.type());
        boolean scalarOrEnum = type.isPresent()
                && (type.get() instanceof FieldType.Scalar || type.get() instanceof FieldType.EnumRef);
        if (provider == Provider.MYSQL && field.type().arity() == Arity.LIST && scalarOrEnum) {
            diagnostics.error(field.type().span(), "The " + owner + " is a list of " + field.type().name().name()
                    + ", which MySQL cannot store.", "Use a Json field, or a separate model with a relation.");
        }
        field.attribute("default").flatMap(d -> d.positionalOr("value")).map(Argument::value)
                .filter(v -> v instanceof FunctionCall call && call.name().equals("autoincrement"))
                .filter(v -> provider == Provider.MONGODB || provider == Provider.REDIS)
                // on another type DefaultRules already reports the mismatch at this spot
                .filter(v -> index.scalarOf(field).filter(t -> t == ScalarType.INT || t == ScalarType.BIGINT)
                        .isPresent())
                .ifPresent(call -> diagnostics.error(call.span(), "autoincrement() is not available in "
                        + provider.schemaName() + " (" + owner + ").", provider == Provider.MONGODB
                                ? "Use @default(auto()) with @map(\"_id\") @db.ObjectId for an id, or cuid()/uuid()."
                                : "Use cuid(), uuid(), ulid() or nanoid()."));
        if (provider == Provider.MONGODB && block.kind() == ModelBlock.Kind.MODEL
                && field.attribute("id").isPresent()) {
            Optional<Attribute> map = field.attribute("map");
            Optional<String> mapped = SchemaIndex.mappedName(field.attributes());
            if (!mapped.equals(Optional.of("_id"))) {
                diagnostics.error(map.map(Attribute::span).orElse(field.name().span()), "The id " + owner
                        + " must be stored as \"_id\" in MongoDB.", map.isPresent() ? "Change it to @map(\"_id\")."
                                : "Add @map(\"_id\").");
            }
        }
    }

    private void checkNativeType(ModelBlock block, Field field, Attribute attribute, Provider provider) {
        String name = attribute.name().substring("db.".length());
        String owner = DefaultRules.owner(block, field);
        if (name.equals("ObjectId") && provider != Provider.MONGODB) {
            diagnostics.error(attribute.span(), "@db.ObjectId is only for MongoDB, but the " + owner + " lives in "
                    + placeOf(block, provider) + ".", "Remove it; outside MongoDB give String ids a default such as "
                            + "cuid() or uuid().");
            return;
        }
        Map<String, NativeTypeCatalog.Spec> catalog = NativeTypeCatalog.of(provider);
        if (catalog.isEmpty()) {
            diagnostics.error(attribute.span(), "Native type " + attribute.displayName() + " on the " + owner
                    + ": " + provider.schemaName() + " has no native types.", "Remove " + attribute.displayName() + ".");
            return;
        }
        NativeTypeCatalog.Spec spec = catalog.get(name);
        if (spec == null) {
            diagnostics.error(attribute.span(), "Unknown native type " + attribute.displayName() + " for "
                    + provider.schemaName() + " (" + owner + ").", Suggestions.didYouMean(name, catalog.keySet(),
                            "@db.", provider.schemaName() + " has: " + String.join(", ", catalog.keySet()) + "."));
            return;
        }
        Optional<ScalarType> scalar = index.scalarOf(field);
        if (index.typeOf(field.type()).isEmpty()) {
            return;
        }
        if (scalar.isEmpty() || !spec.fits().contains(scalar.get())) {
            List<String> fitting = scalar.map(s -> catalog.values().stream().filter(c -> c.fits().contains(s))
                    .map(c -> "@db." + c.name()).toList()).orElse(List.of());
            String fits = String.join(" or ", spec.fits().stream().map(ScalarType::schemaName).toList());
            diagnostics.error(attribute.span(), "Native type " + attribute.displayName() + " does not fit the "
                    + owner + ", which is " + field.type().name().name() + ".", attribute.displayName() + " fits "
                            + fits + " fields" + (fitting.isEmpty() ? "." : "; for " + field.type().name().name()
                                    + " use " + String.join(", ", fitting) + "."));
            return;
        }
        checkNativeArguments(attribute, spec);
    }

    private void checkNativeArguments(Attribute attribute, NativeTypeCatalog.Spec spec) {
        int count = attribute.arguments().size();
        if (count < spec.minArguments() || count > spec.maxArguments()) {
            String expected = spec.maxArguments() == 0 ? "no arguments"
                    : spec.minArguments() == spec.maxArguments() ? spec.minArguments() + " argument"
                            + (spec.minArguments() == 1 ? "" : "s")
                            : "up to " + spec.maxArguments() + " argument" + (spec.maxArguments() == 1 ? "" : "s");
            diagnostics.error(attribute.span(), "Native type " + attribute.displayName() + " takes " + expected
                    + ", not " + count + ".", spec.maxArguments() == 0 ? "Write " + attribute.displayName() + "."
                            : "For example: " + attribute.displayName() + "(" + (spec.maxArguments() == 2 ? "10, 2"
                                    : "255") + ").");
            return;
        }
        for (Argument argument : attribute.arguments()) {
            if (argument.name() != null || Expressions.integer(argument.value()).filter(n -> n >= 0).isEmpty()) {
                diagnostics.error(argument.span(), "Arguments of native type " + attribute.displayName()
                        + " must be unnamed whole numbers.", "For example: " + attribute.displayName() + "("
                                + (spec.maxArguments() == 2 ? "10, 2" : "255") + ").");
            }
        }
    }

    private void checkModel(ModelBlock model, Provider provider) {
        String modelName = model.name().name();
        if (provider == Provider.MONGODB) {
            model.attributes("id").stream().findFirst().ifPresent(id -> diagnostics.error(id.span(),
                    "MongoDB model \"" + modelName + "\" cannot have a compound @@id.",
                    "Use an @id field mapped to \"_id\", and @@unique([...]) over the other fields."));
        }
        for (Attribute ttl : model.attributes("ttl")) {
            if (provider != Provider.REDIS) {
                diagnostics.error(ttl.span(), "@@ttl on model \"" + modelName + "\" needs a Redis datasource, but the "
                        + "model lives in " + placeOf(model, provider) + ".", "Only Redis expires records; remove "
                                + "@@ttl, or move the model with @@datasource(" + redisDatasources().stream().findFirst()
                                        .orElse("<a redis datasource>") + ").");
            }
            ttl.positionalOr("seconds").ifPresent(argument -> Expressions.integer(argument.value())
                    .filter(seconds -> seconds <= 0).ifPresent(seconds -> diagnostics.error(argument.value().span(),
                            "@@ttl of model \"" + modelName + "\" must be a positive number of seconds, not "
                                    + seconds + ".", "For example: @@ttl(3600).")));
        }
        for (Attribute cache : model.attributes("cache")) {
            checkCache(model, provider, cache);
        }
    }

    private void checkCache(ModelBlock model, Provider provider, Attribute cache) {
        String modelName = model.name().name();
        if (provider == Provider.REDIS) {
            diagnostics.error(cache.span(), "Model \"" + modelName + "\" lives in Redis already and cannot be cached "
                    + "in Redis.", "Remove @@cache.");
            return;
        }
        cache.positionalOr("datasource").flatMap(a -> Expressions.name(a.value())).ifPresent(datasource -> {
            Optional<Provider> target = index.providerOfDatasource(datasource.name());
            if (target.isPresent() && target.get() != Provider.REDIS) {
                List<String> redis = redisDatasources();
                diagnostics.error(datasource.span(), "@@cache of model \"" + modelName + "\" points at datasource \""
                        + datasource.name() + "\", which is " + target.get().schemaName() + ", not Redis.",
                        redis.isEmpty() ? "Declare a redis datasource and point @@cache at it."
                                : "Point it at a Redis datasource: " + String.join(", ", redis) + ".");
            }
        });
        cache.argument("ttl").ifPresent(argument -> Expressions.integer(argument.value())
                .filter(seconds -> seconds <= 0).ifPresent(seconds -> diagnostics.error(argument.value().span(),
                        "The ttl of @@cache on model \"" + modelName + "\" must be a positive number of seconds, not "
                                + seconds + ".", "For example: @@cache(cache, ttl: 60).")));
    }

    private List<String> redisDatasources() {
        return index.datasources().keySet().stream()
                .filter(name -> index.providerOfDatasource(name).filter(p -> p == Provider.REDIS).isPresent())
                .toList();
    }
}
