package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.FieldType;

/**
 * The code that converts one stored field's value between its Java form and its form in a row:
 * enums travel as their database names, composites as nested rows, everything else as it is.
 */
final class ValueCodes {

    private final GenerationContext context;

    ValueCodes(GenerationContext context) {
        this.context = context;
    }

    /** An expression reading field {@code field} at {@code index} of the row named {@code row}. */
    CodeBlock decode(FieldDefinition field, String row, int index) {
        TypeName element = context.types().element(field);
        if (field.type() instanceof FieldType.EnumRef) {
            return field.isList()
                    ? CodeBlock.of("$T.fromDbNames($N.getList($L))", element, row, index)
                    : CodeBlock.of("$T.fromDbName(($T) $N.get($L))", element, String.class, row, index);
        }
        if (field.type() instanceof FieldType.CompositeRef) {
            ClassName codec = codec(field);
            return field.isList()
                    ? CodeBlock.of("$T.decodeAll($N.getList($L))", codec, row, index)
                    : CodeBlock.of("$T.decode(($T) $N.get($L))", codec, JavaTypes.ROW, row, index);
        }
        return field.isList()
                ? CodeBlock.of("$N.getList($L)", row, index)
                : CodeBlock.of("($T) $N.get($L)", element, row, index);
    }

    /** An expression turning the Java value {@code value} of {@code field} into its stored form. */
    CodeBlock encode(FieldDefinition field, CodeBlock value) {
        TypeName element = context.types().element(field);
        if (field.type() instanceof FieldType.EnumRef) {
            return field.isList()
                    ? CodeBlock.of("$T.toDbNames($L)", element, value)
                    : CodeBlock.of("$L == null ? null : $L.dbName()", value, value);
        }
        if (field.type() instanceof FieldType.CompositeRef) {
            return CodeBlock.of(field.isList() ? "$T.encodeAll($L)" : "$T.encode($L)", codec(field), value);
        }
        return value;
    }

    /**
     * A function turning one element's Java value into its stored form, for where conditions: an
     * enum's {@code dbName}, a composite's codec, or {@code ValueCondition.asIs()}.
     */
    CodeBlock encoder(FieldDefinition field) {
        if (field.type() instanceof FieldType.EnumRef) {
            return CodeBlock.of("$T::dbName", context.types().element(field));
        }
        if (field.type() instanceof FieldType.CompositeRef) {
            return CodeBlock.of("$T::encode", codec(field));
        }
        return CodeBlock.of("$T.asIs()", BuilderTypes.VALUE_CONDITION);
    }

    private ClassName codec(FieldDefinition field) {
        return context.codec(((FieldType.CompositeRef) field.type()).name());
    }
}
