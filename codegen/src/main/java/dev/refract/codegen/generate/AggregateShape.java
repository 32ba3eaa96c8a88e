package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.definition.ModelDefinition;
import java.math.BigDecimal;
import java.util.List;

/**
 * Which fields of a model aggregates cover: group keys (every single-valued scalar or enum field),
 * numeric fields (sum, average) and ordered fields (minimum, maximum), and the Java type of each
 * result.
 */
final class AggregateShape {

    private final List<FieldDefinition> keys;
    private final List<FieldDefinition> numeric;
    private final List<FieldDefinition> ordered;

    AggregateShape(GenerationContext context, ModelDefinition model) {
        List<FieldDefinition> scalars = context.scalarFields(model);
        keys = scalars.stream().filter(AggregateShape::groupable).toList();
        numeric = scalars.stream().filter(JavaTypes::isNumeric).toList();
        ordered = scalars.stream().filter(JavaTypes::isOrdered).toList();
    }

    /** Single values that compare by equality in every database: not lists, composites, JSON or bytes. */
    static boolean groupable(FieldDefinition field) {
        if (field.isList() || field.type() instanceof FieldType.CompositeRef) {
            return false;
        }
        return !(field.type() instanceof FieldType.Scalar scalar)
                || (scalar.type() != dev.refract.meta.ScalarType.JSON && scalar.type() != dev.refract.meta.ScalarType.BYTES);
    }

    List<FieldDefinition> keys() {
        return keys;
    }

    List<FieldDefinition> numeric() {
        return numeric;
    }

    List<FieldDefinition> ordered() {
        return ordered;
    }

    /** Sums of whole numbers are {@code Long}, of floats {@code Double}, of decimals {@code BigDecimal}. */
    static TypeName sumType(FieldDefinition field) {
        return switch (((FieldType.Scalar) field.type()).type()) {
            case INT, BIGINT -> ClassName.get(Long.class);
            case DECIMAL -> ClassName.get(BigDecimal.class);
            default -> ClassName.get(Double.class);
        };
    }

    /** Averages are {@code Double}, of decimals {@code BigDecimal}. */
    static TypeName avgType(FieldDefinition field) {
        return ((FieldType.Scalar) field.type()).type() == dev.refract.meta.ScalarType.DECIMAL
                ? ClassName.get(BigDecimal.class) : ClassName.get(Double.class);
    }
}
