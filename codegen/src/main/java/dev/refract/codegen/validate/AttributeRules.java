package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.EnumBlock;
import dev.refract.codegen.ast.EnumValue;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.source.Suggestions;
import dev.refract.codegen.validate.AttributeCatalog.Placement;
import dev.refract.codegen.validate.AttributeCatalog.Spec;
import dev.refract.codegen.validate.AttributeCatalog.ValueKind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Attributes: known names, the right place, not given twice, and arguments of the right names and
 * shapes. Later rules read attributes defensively and stay silent about shapes reported here.
 */
final class AttributeRules {

    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("@default", "@default(0)"),
            Map.entry("@map", "@map(\"column_name\")"),
            Map.entry("@@map", "@@map(\"table_name\")"),
            Map.entry("@@id", "@@id([firstField, secondField])"),
            Map.entry("@@unique", "@@unique([firstField, secondField])"),
            Map.entry("@@index", "@@index([firstField, secondField]) or, in MongoDB, @@index([expiresAt],"
                    + " expireAfterSeconds: 3600)"),
            Map.entry("@@datasource", "@@datasource(db)"),
            Map.entry("@@cache", "@@cache(cache, ttl: 60)"),
            Map.entry("@@ttl", "@@ttl(3600)"));

    private final Diagnostics diagnostics;

    AttributeRules(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(SchemaIndex index) {
        for (ModelBlock block : index.schema().models()) {
            boolean model = block.kind() == ModelBlock.Kind.MODEL;
            String blockName = block.kind().keyword() + " \"" + block.name().name() + "\"";
            checkAll(block.attributes(), model ? Placement.MODEL : Placement.COMPOSITE_TYPE, blockName);
            for (Field field : block.fields()) {
                checkAll(field.attributes(), model ? Placement.MODEL_FIELD : Placement.TYPE_FIELD,
                        "field \"" + field.name().name() + "\" of " + blockName);
            }
        }
        for (EnumBlock enumBlock : index.schema().enums()) {
            String enumName = "enum \"" + enumBlock.name().name() + "\"";
            checkAll(enumBlock.attributes(), Placement.ENUM, enumName);
            for (EnumValue value : enumBlock.values()) {
                checkAll(value.attributes(), Placement.ENUM_VALUE,
                        "value \"" + value.name().name() + "\" of " + enumName);
            }
        }
    }

    private void checkAll(List<Attribute> attributes, Placement placement, String owner) {
        Set<String> seen = new HashSet<>();
        boolean nativeTypeSeen = false;
        for (Attribute attribute : attributes) {
            if (!attribute.blockLevel() && AttributeCatalog.isNativeType(attribute.name())) {
                if (placement != Placement.MODEL_FIELD && placement != Placement.TYPE_FIELD) {
                    diagnostics.error(attribute.span(), "Native type " + attribute.displayName()
                            + " cannot be used on " + owner + ".", "Native types belong on fields.");
                } else if (nativeTypeSeen) {
                    diagnostics.error(attribute.span(), "The " + owner + " has more than one native type.",
                            "Keep one @db attribute.");
                }
                nativeTypeSeen = true;
                continue;
            }
            var spec = AttributeCatalog.find(attribute.name(), attribute.blockLevel());
            if (spec.isEmpty()) {
                reportUnknown(attribute, placement, owner);
                continue;
            }
            if (!spec.get().placements().contains(placement)) {
                diagnostics.error(attribute.span(), "Attribute " + attribute.displayName() + " cannot be used on "
                        + owner + ".", attribute.displayName() + " belongs on "
                        + spec.get().placementsDescription() + "; remove it here.");
                continue;
            }
            if (!spec.get().repeatable() && !seen.add(attribute.name())) {
                diagnostics.error(attribute.span(), "Attribute " + attribute.displayName() + " is given twice on "
                        + owner + ".", "Remove one of them.");
                continue;
            }
            checkArguments(attribute, spec.get());
        }
    }

    private void reportUnknown(Attribute attribute, Placement placement, String owner) {
        List<String> allowed = AttributeCatalog.namesFor(placement);
        String prefix = attribute.blockLevel() ? "@@" : "@";
        String fallback = allowed.isEmpty() ? "No attributes are allowed here."
                : "Attributes allowed here: " + String.join(", ", allowed.stream().map(n -> prefix + n).toList())
                        + ".";
        diagnostics.error(attribute.span(), "Unknown attribute " + attribute.displayName() + " on " + owner + ".",
                Suggestions.didYouMean(attribute.name(), allowed, prefix, fallback));
    }

    private void checkArguments(Attribute attribute, Spec spec) {
        Set<String> given = new HashSet<>();
        boolean positionalUsed = false;
        for (Argument argument : attribute.arguments()) {
            String parameter;
            if (argument.name() == null) {
                if (spec.positional() == null) {
                    diagnostics.error(argument.span(), unnamedNotAllowed(spec), spec.parameters().isEmpty()
                            ? "Remove the argument." : "Name it: " + String.join(", ", spec.parameters().keySet())
                                    + ".");
                    continue;
                }
                if (positionalUsed) {
                    diagnostics.error(argument.span(), "Attribute " + spec.displayName()
                            + " takes only one unnamed argument.", "Remove the extra argument or name it.");
                    continue;
                }
                positionalUsed = true;
                parameter = spec.positional();
            } else {
                parameter = argument.name().name();
                if (!spec.parameters().containsKey(parameter)) {
                    String fallback = spec.parameters().isEmpty() ? "Remove the argument."
                            : "It takes: " + String.join(", ", spec.parameters().keySet()) + ".";
                    diagnostics.error(argument.name().span(), "Attribute " + spec.displayName()
                            + " has no argument named \"" + parameter + "\".",
                            Suggestions.didYouMean(parameter, spec.parameters().keySet(), fallback));
                    continue;
                }
            }
            if (!given.add(parameter)) {
                diagnostics.error(argument.span(), "Argument \"" + parameter + "\" of " + spec.displayName()
                        + " is given twice.", "Remove one of them.");
                continue;
            }
            ValueKind kind = spec.parameters().get(parameter);
            if (kind == ValueKind.KEY_LIST && matches(kind, argument.value())) {
                checkKeyOptions(spec, (Expression.ArrayLiteral) argument.value());
            } else if (!matches(kind, argument.value())) {
                diagnostics.error(argument.value().span(), "Argument \"" + parameter + "\" of " + spec.displayName()
                        + " must be " + kind.description() + ", not " + Expressions.describe(argument.value()) + ".",
                        example(spec).orElse("Write " + kind.description() + "."));
            }
        }
        for (String required : spec.parameters().keySet()) {
            if (spec.required().contains(required) && !given.contains(required)) {
                diagnostics.error(attribute.span(), "Attribute " + spec.displayName() + " is missing its argument \""
                        + required + "\".", example(spec).orElse("Add " + required + ": "
                                + spec.parameters().get(required).description() + "."));
            }
        }
    }

    /** {@code sort: Asc|Desc} and {@code length: n} on the fields of a key, as in {@code at(sort: Desc)}. */
    private void checkKeyOptions(Spec spec, Expression.ArrayLiteral fields) {
        for (Expression element : fields.elements()) {
            if (!(element instanceof Expression.FunctionCall call)) {
                continue;
            }
            for (Argument option : call.arguments()) {
                String name = option.name().name();
                boolean valid = switch (name) {
                    case "sort" -> Expressions.name(option.value())
                            .filter(v -> v.name().equals("Asc") || v.name().equals("Desc")).isPresent();
                    case "length" -> Expressions.integer(option.value()).filter(n -> n > 0).isPresent();
                    default -> false;
                };
                if (!valid) {
                    diagnostics.error(option.span(), "Invalid option \"" + name + "\" on field \"" + call.name()
                            + "\" in " + spec.displayName() + ".", "Use sort: Asc, sort: Desc or length: <a positive "
                                    + "number>, e.g. " + call.name() + "(sort: Desc).");
                }
            }
        }
    }

    private static Optional<String> example(Spec spec) {
        return Optional.ofNullable(EXAMPLES.get(spec.displayName())).map(e -> "For example: " + e + ".");
    }

    private static String unnamedNotAllowed(Spec spec) {
        return spec.parameters().isEmpty() ? "Attribute " + spec.displayName() + " takes no arguments."
                : "Attribute " + spec.displayName() + " takes no unnamed argument.";
    }

    private static boolean matches(ValueKind kind, Expression value) {
        return switch (kind) {
            case STRING -> Expressions.string(value).isPresent();
            case INTEGER -> Expressions.integer(value).isPresent();
            case NAME -> Expressions.name(value).isPresent();
            case NAME_LIST -> Expressions.names(value).isPresent();
            case KEY_LIST -> Expressions.keyNames(value).isPresent();
            case ANY -> true;
        };
    }
}
