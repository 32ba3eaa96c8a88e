package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.source.Suggestions;
import dev.refract.meta.Provider;
import dev.refract.meta.ScalarType;
import java.util.Arrays;
import java.util.Optional;

/**
 * Field types: every type name known, composite types used only where documents can embed them,
 * and no relation inside a composite type.
 */
final class TypeRules {

    private final Diagnostics diagnostics;

    TypeRules(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(SchemaIndex index) {
        if (!index.datasources().isEmpty() && index.providerOfCompositeTypes().isEmpty()
                && index.datasources().keySet().stream().allMatch(d -> index.providerOfDatasource(d).isPresent())) {
            for (ModelBlock type : index.compositeTypeBlocks()) {
                diagnostics.error(type.name().span(), "Composite type \"" + type.name().name()
                        + "\" needs a MongoDB datasource, and the schema declares none.",
                        "Declare a mongodb datasource for the models that embed it, or use a Json field instead.");
            }
        }
        for (ModelBlock block : index.schema().models()) {
            for (Field field : block.fields()) {
                checkField(index, block, field);
            }
        }
    }

    private void checkField(SchemaIndex index, ModelBlock block, Field field) {
        String typeName = field.type().name().name();
        Optional<FieldType> type = index.typeOf(field.type());
        if (type.isEmpty()) {
            String scalars = String.join(", ", Arrays.stream(ScalarType.values()).map(ScalarType::schemaName).toList());
            diagnostics.error(field.type().name().span(), "Type \"" + typeName
                    + "\" is neither a scalar type, an enum, a composite type nor a model.",
                    Suggestions.didYouMean(typeName, index.typeNames(), "Declare it, or use a scalar type: "
                            + scalars + "."));
            return;
        }
        String owner = block.kind().keyword() + " \"" + block.name().name() + "\"";
        if (block.kind() == ModelBlock.Kind.MODEL && !(type.get() instanceof FieldType.ModelRef)) {
            field.attribute("relation").ifPresent(relation -> diagnostics.error(relation.span(), "@relation on field \""
                    + field.name().name() + "\" of " + owner + ", whose type " + typeName + " is not a model.",
                    "Put @relation on the field whose type is the related model, and keep this field as the key."));
        }
        if (block.kind() == ModelBlock.Kind.COMPOSITE_TYPE && type.get() instanceof FieldType.ModelRef) {
            diagnostics.error(field.type().name().span(), "Field \"" + field.name().name() + "\" of " + owner
                    + " refers to model \"" + typeName + "\", but a composite type cannot hold a relation.",
                    "Composite types are embedded in a document; store the id of the " + typeName
                            + " instead, e.g. " + lowerFirst(typeName) + "Id String.");
        }
        if (block.kind() == ModelBlock.Kind.MODEL && type.get() instanceof FieldType.CompositeRef) {
            Optional<Provider> provider = index.providerOf(block);
            if (provider.isPresent() && provider.get() != Provider.MONGODB) {
                diagnostics.error(field.type().name().span(), "Field \"" + field.name().name() + "\" of " + owner
                        + " uses the composite type \"" + typeName + "\", but composite types exist only in "
                        + "MongoDB and the model lives in datasource \"" + index.datasourceOf(block).orElse("")
                        + "\" (" + provider.get().schemaName() + ").",
                        "Use a Json field, or a separate model with a relation.");
            }
        }
    }

    private static String lowerFirst(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
