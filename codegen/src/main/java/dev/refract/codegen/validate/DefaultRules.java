package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Argument;
import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.EnumValue;
import dev.refract.codegen.ast.Expression;
import dev.refract.codegen.ast.Expression.ArrayLiteral;
import dev.refract.codegen.ast.Expression.ConstantRef;
import dev.refract.codegen.ast.Expression.FunctionCall;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.ast.TypeRef.Arity;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.source.Suggestions;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * {@code @default(...)} and {@code @updatedAt}: known functions with valid arguments, values that
 * fit the field's type. The same reading turns a valid default into a {@link DefaultValue} for the
 * resolver.
 */
final class DefaultRules {

    private static final List<String> FUNCTIONS = List.of("autoincrement", "cuid", "uuid", "ulid", "nanoid", "now",
            "auto", "dbgenerated");

    private final Diagnostics diagnostics;
    private final SchemaIndex index;

    DefaultRules(Diagnostics diagnostics, SchemaIndex index) {
        this.diagnostics = diagnostics;
        this.index = index;
    }

    void check() {
        for (ModelBlock block : index.schema().models()) {
            for (Field field : block.fields()) {
                valueOf(block, field);
                field.attribute("updatedAt").ifPresent(updatedAt -> checkUpdatedAt(block, field, updatedAt));
            }
        }
    }

    private void checkUpdatedAt(ModelBlock block, Field field, Attribute updatedAt) {
        Optional<ScalarType> scalar = index.scalarOf(field);
        if (index.typeOf(field.type()).isPresent()
                && (scalar.isEmpty() || scalar.get() != ScalarType.DATETIME || field.type().arity() == Arity.LIST)) {
            diagnostics.error(updatedAt.span(), "@updatedAt cannot be used on " + owner(block, field) + ", which is "
                    + typeText(field) + ".", "@updatedAt fits DateTime fields only; remove it here.");
        }
    }

    /** The default of {@code field}, reporting what is wrong with it; empty when none or invalid. */
    Optional<DefaultValue> valueOf(ModelBlock block, Field field) {
        Optional<Attribute> attribute = field.attribute("default");
        Optional<Argument> argument = attribute.flatMap(a -> a.positionalOr("value"));
        Optional<FieldType> type = index.typeOf(field.type());
        if (argument.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        Expression value = argument.get().value();
        if (type.get() instanceof FieldType.ModelRef || type.get() instanceof FieldType.CompositeRef) {
            diagnostics.error(attribute.get().span(), "@default cannot be used on " + owner(block, field) + ", which is "
                    + (type.get() instanceof FieldType.ModelRef ? "a relation field." : "a composite field."),
                    type.get() instanceof FieldType.ModelRef ? "Give its foreign key field a default instead."
                            : "Give the fields of the composite type defaults instead.");
            return Optional.empty();
        }
        if (value instanceof FunctionCall call) {
            return function(block, field, type.get(), call);
        }
        if (field.type().arity() == Arity.LIST) {
            if (!(value instanceof ArrayLiteral array)) {
                diagnostics.error(value.span(), "The default of the list " + owner(block, field)
                        + " must be a list.", "Write it in brackets, e.g. @default([]).");
                return Optional.empty();
            }
            List<Object> elements = new ArrayList<>();
            for (Expression element : array.elements()) {
                Optional<Object> literal = literal(block, field, type.get(), element);
                if (literal.isEmpty()) {
                    return Optional.empty();
                }
                elements.add(literal.get());
            }
            return Optional.of(new DefaultValue.Literal(List.copyOf(elements)));
        }
        return literal(block, field, type.get(), value).map(DefaultValue.Literal::new);
    }

    private Optional<DefaultValue> function(ModelBlock block, Field field, FieldType type, FunctionCall call) {
        String name = call.name();
        if (!FUNCTIONS.contains(name)) {
            String hint = Suggestions.closest(name, FUNCTIONS).map(f -> "Did you mean \"" + f + "()\"?")
                    .orElse("Known functions: " + String.join("(), ", FUNCTIONS) + "().");
            diagnostics.error(call.span(), "Unknown function \"" + name + "()\" in @default of " + owner(block, field)
                    + ".", hint);
            return Optional.empty();
        }
        if (field.type().arity() == Arity.LIST && !name.equals("dbgenerated")) {
            diagnostics.error(call.span(), name + "() cannot be the default of the list " + owner(block, field) + ".",
                    "Give a list default, e.g. @default([]).");
            return Optional.empty();
        }
        Optional<ScalarType> scalar = type instanceof FieldType.Scalar s ? Optional.of(s.type()) : Optional.empty();
        return switch (name) {
            case "autoincrement" -> requireType(block, field, call, scalar, List.of(ScalarType.INT, ScalarType.BIGINT),
                    "autoincrement() fits Int and BigInt fields; for a String id use cuid(), uuid(), ulid() or nanoid().")
                    && noArguments(call) ? Optional.of(new DefaultValue.Autoincrement()) : Optional.empty();
            case "cuid" -> generated(block, field, call, scalar, List.of(1L, 2L), 1, v -> new DefaultValue.Cuid(v));
            case "uuid" -> generated(block, field, call, scalar, List.of(4L, 7L), 4, v -> new DefaultValue.Uuid(v));
            case "nanoid" -> generated(block, field, call, scalar, null, 21, v -> new DefaultValue.Nanoid(v));
            case "ulid" -> requireType(block, field, call, scalar, List.of(ScalarType.STRING), stringIdHint("ulid"))
                    && noArguments(call) ? Optional.of(new DefaultValue.Ulid()) : Optional.empty();
            case "now" -> requireType(block, field, call, scalar, List.of(ScalarType.DATETIME),
                    "now() fits DateTime fields only.") && noArguments(call)
                    ? Optional.of(new DefaultValue.Now()) : Optional.empty();
            case "auto" -> auto(block, field, call);
            default -> dbGenerated(call);
        };
    }

    private Optional<DefaultValue> generated(ModelBlock block, Field field, FunctionCall call,
            Optional<ScalarType> scalar, List<Long> allowed, int fallback, IntFunction<DefaultValue> make) {
        if (!requireType(block, field, call, scalar, List.of(ScalarType.STRING), stringIdHint(call.name()))) {
            return Optional.empty();
        }
        if (call.arguments().isEmpty()) {
            return Optional.of(make.apply(fallback));
        }
        Argument argument = call.arguments().get(0);
        Optional<Long> number = Expressions.integer(argument.value());
        boolean fits = call.arguments().size() == 1 && argument.name() == null && number.isPresent()
                && (allowed == null ? number.get() >= 2 && number.get() <= 255 : allowed.contains(number.get()));
        if (!fits) {
            String expected = allowed == null ? "a length between 2 and 255"
                    : "version " + allowed.get(0) + " or " + allowed.get(1);
            diagnostics.error(argument.span(), call.name() + "() takes " + expected + ", not "
                    + (call.arguments().size() == 1 ? Expressions.describe(argument.value()) : call.arguments().size()
                            + " arguments") + ".", "For example: " + call.name() + "(" + (allowed == null ? 21
                                    : allowed.get(allowed.size() - 1)) + ").");
            return Optional.empty();
        }
        return Optional.of(make.apply(number.get().intValue()));
    }

    private Optional<DefaultValue> auto(ModelBlock block, Field field, FunctionCall call) {
        boolean mongoObjectIdId = block.kind() == ModelBlock.Kind.MODEL
                && index.providerOf(block).filter(p -> p == Provider.MONGODB).isPresent()
                && field.attribute("id").isPresent() && field.attribute("db.ObjectId").isPresent();
        if (!mongoObjectIdId) {
            diagnostics.error(call.span(), "auto() cannot be the default of " + owner(block, field)
                    + ": it is only for MongoDB ids stored as ObjectId.", "Use it as id String @id @default(auto()) "
                            + "@map(\"_id\") @db.ObjectId in a MongoDB model; elsewhere use cuid(), uuid() or "
                            + "autoincrement().");
            return Optional.empty();
        }
        return noArguments(call) ? Optional.of(new DefaultValue.Auto()) : Optional.empty();
    }

    private Optional<DefaultValue> dbGenerated(FunctionCall call) {
        Optional<String> expression = call.arguments().size() == 1 && call.arguments().get(0).name() == null
                ? Expressions.string(call.arguments().get(0).value()) : Optional.empty();
        if (expression.isEmpty()) {
            diagnostics.error(call.span(), "dbgenerated() takes one SQL expression in double quotes.",
                    "For example: @default(dbgenerated(\"gen_random_uuid()\")).");
            return Optional.empty();
        }
        return Optional.of(new DefaultValue.DbGenerated(expression.get()));
    }

    private boolean requireType(ModelBlock block, Field field, FunctionCall call, Optional<ScalarType> scalar,
            List<ScalarType> fitting, String hint) {
        if (scalar.isPresent() && fitting.contains(scalar.get())) {
            return true;
        }
        diagnostics.error(call.span(), call.name() + "() cannot be the default of " + owner(block, field)
                + ", which is " + typeText(field) + ".", hint);
        return false;
    }

    private boolean noArguments(FunctionCall call) {
        if (call.arguments().isEmpty()) {
            return true;
        }
        diagnostics.error(call.arguments().get(0).span(), call.name() + "() takes no arguments.",
                "Write " + call.name() + "().");
        return false;
    }

    private static String stringIdHint(String function) {
        return function + "() makes String values; use it on a String field, or autoincrement() on an Int.";
    }

    /** A constant default, or empty after reporting why it does not fit. */
    private Optional<Object> literal(ModelBlock block, Field field, FieldType type, Expression value) {
        if (type instanceof FieldType.EnumRef enumRef) {
            List<String> values = index.enumNamed(enumRef.name()).map(e -> e.values().stream()
                    .map(EnumValue::name).map(id -> id.name()).toList()).orElse(List.of());
            if (value instanceof ConstantRef constant && values.contains(constant.name())) {
                return Optional.of(constant.name());
            }
            Optional<String> quoted = Expressions.string(value).filter(values::contains);
            if (quoted.isPresent()) {
                diagnostics.error(value.span(), "The default of " + owner(block, field) + " names the value \""
                        + quoted.get() + "\" of enum \"" + enumRef.name() + "\" as a string.",
                        "Write it without quotes: @default(" + quoted.get() + ").");
                return Optional.empty();
            }
            String written = value instanceof ConstantRef c ? "\"" + c.name() + "\""
                    : "value (" + Expressions.describe(value) + ")";
            String lookup = value instanceof ConstantRef c ? c.name() : Expressions.string(value).orElse("");
            diagnostics.error(value.span(), "The default " + written + " of " + owner(block, field)
                    + " is not a value of enum \"" + enumRef.name() + "\".", Suggestions.didYouMean(lookup, values,
                            "Use one of: " + String.join(", ", values) + ", written without quotes."));
            return Optional.empty();
        }
        if (!(type instanceof FieldType.Scalar scalar)) {
            diagnostics.error(value.span(), "The default of " + owner(block, field) + " can only be dbgenerated(...).",
                    "Unsupported types are filled by the database.");
            return Optional.empty();
        }
        Optional<Object> parsed = switch (scalar.type()) {
            case STRING -> Expressions.string(value).<Object>map(v -> v);
            case BOOLEAN -> Expressions.bool(value).<Object>map(v -> v);
            case INT -> Expressions.integer(value).filter(v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE)
                    .<Object>map(v -> v);
            case BIGINT -> Expressions.integer(value).<Object>map(v -> v);
            case FLOAT, DECIMAL -> Expressions.number(value).<Object>map(v -> v);
            case DATETIME -> Expressions.string(value).filter(DefaultRules::isDateTime).<Object>map(v -> v);
            case JSON -> Expressions.string(value).<Object>map(v -> v);
            case BYTES -> Expressions.string(value).filter(DefaultRules::isBase64).<Object>map(v -> v);
        };
        if (parsed.isEmpty()) {
            diagnostics.error(value.span(), "The default value (" + Expressions.describe(value) + ") does not fit "
                    + owner(block, field) + ", which is " + scalar.type().schemaName() + ".",
                    "Write " + expected(scalar.type()) + ".");
        }
        return parsed;
    }

    private static String expected(ScalarType type) {
        return switch (type) {
            case STRING -> "a string in double quotes, e.g. @default(\"\")";
            case BOOLEAN -> "true or false, e.g. @default(false)";
            case INT -> "a whole number that fits 32 bits, e.g. @default(0)";
            case BIGINT -> "a whole number, e.g. @default(0)";
            case FLOAT, DECIMAL -> "a number, e.g. @default(0.5)";
            case DATETIME -> "now() or an ISO-8601 date-time in double quotes, e.g. @default(\"2024-01-01T00:00:00Z\")";
            case JSON -> "JSON in a string, e.g. @default(\"{}\")";
            case BYTES -> "base64 in a string, e.g. @default(\"\")";
        };
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate.parse(text);
                return true;
            } catch (DateTimeParseException notDate) {
                return false;
            }
        }
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    static String owner(ModelBlock block, Field field) {
        return "field \"" + field.name().name() + "\" of " + block.kind().keyword() + " \"" + block.name().name() + "\"";
    }

    static String typeText(Field field) {
        return field.type().name().name() + field.type().arity().suffix();
    }
}
