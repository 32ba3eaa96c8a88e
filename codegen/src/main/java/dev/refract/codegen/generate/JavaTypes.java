package dev.refract.codegen.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.naming.Naming;
import dev.refract.meta.ScalarType;
import java.util.EnumSet;
import java.util.Set;

/**
 * The one place where schema types become Java types. Every value is boxed, because a field left
 * out by {@code select} holds {@code null}; a list field is a {@code List} of its element type.
 */
public final class JavaTypes {

    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName MAP = ClassName.get("java.util", "Map");
    static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    static final ClassName CONSUMER = ClassName.get("java.util.function", "Consumer");
    static final ClassName MONO = ClassName.get("reactor.core.publisher", "Mono");
    static final ClassName FLUX = ClassName.get("reactor.core.publisher", "Flux");
    static final ClassName JSON = ClassName.get("dev.refract.json", "Json");
    static final ClassName RELATION = ClassName.get("dev.refract.relation", "Relation");
    static final ClassName ROW = ClassName.get("dev.refract.spi", "Row");

    private static final Set<ScalarType> NUMERIC = EnumSet.of(ScalarType.INT, ScalarType.BIGINT, ScalarType.FLOAT,
            ScalarType.DECIMAL);
    private static final Set<ScalarType> ORDERED = EnumSet.of(ScalarType.INT, ScalarType.BIGINT, ScalarType.FLOAT,
            ScalarType.DECIMAL, ScalarType.DATETIME, ScalarType.STRING);

    private final String packageName;
    private final Naming naming;

    /** Types of the schema {@code packageName} holds, named by {@code naming}. */
    public JavaTypes(String packageName, Naming naming) {
        this.packageName = packageName;
        this.naming = naming;
    }

    /** The Java type of one value of {@code scalar}. */
    public static TypeName scalar(ScalarType scalar) {
        return switch (scalar) {
            case STRING -> ClassName.get(String.class);
            case BOOLEAN -> ClassName.get(Boolean.class);
            case INT -> ClassName.get(Integer.class);
            case BIGINT -> ClassName.get(Long.class);
            case FLOAT -> ClassName.get(Double.class);
            case DECIMAL -> ClassName.get(java.math.BigDecimal.class);
            case DATETIME -> ClassName.get(java.time.Instant.class);
            case JSON -> JSON;
            case BYTES -> ArrayTypeName.of(TypeName.BYTE);
        };
    }

    /** True for scalar types that can be summed and averaged. */
    public static boolean isNumeric(ScalarType scalar) {
        return NUMERIC.contains(scalar);
    }

    /** True for scalar types with an order: ranges, minimum and maximum apply. */
    public static boolean isOrdered(ScalarType scalar) {
        return ORDERED.contains(scalar);
    }

    /** The generated class named {@code simpleName} in the output package. */
    public ClassName generated(String simpleName) {
        return ClassName.get(packageName, simpleName);
    }

    /** The Java type of one element of a stored (non-relation) field, ignoring its arity. */
    public TypeName element(FieldDefinition field) {
        FieldType type = field.type();
        if (type instanceof FieldType.Scalar scalar) {
            return scalar(scalar.type());
        }
        if (type instanceof FieldType.EnumRef enumRef) {
            return generated(naming.typeName(enumRef.name()));
        }
        if (type instanceof FieldType.CompositeRef composite) {
            return generated(naming.typeName(composite.name()));
        }
        if (type instanceof FieldType.ModelRef model) {
            return generated(naming.typeName(model.name()));
        }
        throw new GenerationException("field " + field.name() + " has a type the client cannot read: " + type);
    }

    /** The Java type of a stored field's value: its element type, or a list of it. */
    public TypeName value(FieldDefinition field) {
        TypeName element = element(field);
        return field.isList() ? ParameterizedTypeName.get(LIST, element) : element;
    }

    /** The record component type of a field: its value type, or {@code Relation<…>} for a relation field. */
    public TypeName component(FieldDefinition field) {
        if (field.relation() == null) {
            return value(field);
        }
        return ParameterizedTypeName.get(RELATION, value(field));
    }

    /** True when {@code field} is a scalar field of a numeric type, not a list. */
    public static boolean isNumeric(FieldDefinition field) {
        return !field.isList() && field.type() instanceof FieldType.Scalar scalar && isNumeric(scalar.type());
    }

    /** True when {@code field} is a single value with an order. */
    public static boolean isOrdered(FieldDefinition field) {
        return !field.isList() && field.type() instanceof FieldType.Scalar scalar && isOrdered(scalar.type());
    }
}
