package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.Block;
import dev.refract.codegen.ast.ConfigBlock;
import dev.refract.codegen.ast.EnumBlock;
import dev.refract.codegen.ast.EnumValue;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.ModelBlock;
import dev.refract.codegen.naming.Naming;
import dev.refract.codegen.source.Span;
import dev.refract.meta.ScalarType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names: no two models, enums or types alike, no two fields or enum values alike, no two fields
 * or models stored under the same database name, and nothing Java cannot name.
 */
final class NameRules {

    private final Diagnostics diagnostics;
    private final Naming naming = new Naming();

    NameRules(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(SchemaIndex index) {
        checkBlockNames(index);
        for (ModelBlock block : index.schema().models()) {
            checkFields(index, block);
        }
        for (EnumBlock enumBlock : index.schema().enums()) {
            checkEnum(enumBlock);
        }
        checkModelDbNames(index);
    }

    private void checkBlockNames(SchemaIndex index) {
        Map<String, Block> seen = new HashMap<>();
        for (Block block : index.schema().blocks()) {
            if (block instanceof ConfigBlock) {
                continue;
            }
            String name = block.name().name();
            String what = describe(block);
            Block first = seen.putIfAbsent(name, block);
            if (first != null) {
                diagnostics.error(block.name().span(), capitalized(what) + " \"" + name + "\" has the same name as the "
                        + describe(first) + " declared on line " + diagnostics.lineOf(first.name().span()) + ".",
                        "Rename one of them.");
            } else if (ScalarType.fromSchemaName(name) != null || name.equals("Unsupported")) {
                diagnostics.error(block.name().span(), capitalized(what) + " \"" + name
                        + "\" has the name of a built-in type.", "Rename it.");
            } else if (!name.isEmpty()) { // an empty name is a syntax error, reported by the parser
                checkJavaTypeName(block, name, what);
            }
        }
    }

    /** A name Java reserves is escaped by the generator; a java.lang type the client uses cannot be. */
    private void checkJavaTypeName(Block block, String name, String what) {
        String javaName = naming.typeName(name);
        boolean model = block instanceof ModelBlock m && m.kind() == ModelBlock.Kind.MODEL;
        String hint = block instanceof ModelBlock && !model ? "Rename it."
                : "Rename it and keep the database name with @@map, e.g. @@map(\"" + name + "\").";
        if (naming.hidesJavaLangType(javaName, model)) {
            diagnostics.error(block.name().span(), capitalized(what) + " name \"" + name + "\" becomes the Java type \""
                    + javaName + "\", which would hide java.lang." + javaName + " in the generated client.", hint);
        } else if (naming.isReserved(name)) {
            diagnostics.warning(block.name().span(), capitalized(what) + " name \"" + name
                    + "\" is a reserved word in Java; the generated code names it \"" + javaName + "\".", hint);
        }
    }

    private void checkFields(SchemaIndex index, ModelBlock block) {
        String owner = describe(block) + " \"" + block.name().name() + "\"";
        Map<String, Field> byName = new HashMap<>();
        Map<String, Field> byDbName = new HashMap<>();
        for (Field field : block.fields()) {
            String name = field.name().name();
            Field first = byName.putIfAbsent(name, field);
            if (first != null) {
                diagnostics.error(field.name().span(), "Field \"" + name + "\" is declared twice in " + owner + ".",
                        "Rename or remove one of them; the first is on line "
                                + diagnostics.lineOf(first.name().span()) + ".");
                continue;
            }
            String member = lowerFirst(name);
            if (naming.isReserved(member)) {
                diagnostics.warning(field.name().span(), "Field name \"" + name + "\" of " + owner
                        + " is a reserved word in Java; the generated code names it \"" + naming.fieldName(name)
                        + "\".", "To choose the Java name, rename the field and keep the database name with @map, "
                                + "e.g. " + member + "Value " + field.type().name().name()
                                + field.type().arity().suffix() + " @map(\"" + name + "\").");
            }
            if (index.isRelationField(field)) {
                continue; // relation fields are not stored, so their names cannot clash with columns
            }
            String dbName = SchemaIndex.dbName(field);
            Field clash = byDbName.putIfAbsent(dbName, field);
            if (clash != null) {
                diagnostics.error(mapSpan(field.attributes(), field.name().span()), "Field \"" + name + "\" of "
                        + owner + " is stored under the name \"" + dbName + "\", which field \""
                        + clash.name().name() + "\" already uses.", "Give one of them a different @map.");
            }
        }
    }

    private void checkEnum(EnumBlock enumBlock) {
        String owner = "enum \"" + enumBlock.name().name() + "\"";
        if (enumBlock.values().isEmpty()) {
            diagnostics.error(enumBlock.name().span(), "Enum \"" + enumBlock.name().name() + "\" has no values.",
                    "Add at least one value, or remove the enum.");
        }
        Map<String, EnumValue> byName = new HashMap<>();
        Map<String, EnumValue> byDbName = new HashMap<>();
        for (EnumValue value : enumBlock.values()) {
            String name = value.name().name();
            EnumValue first = byName.putIfAbsent(name, value);
            if (first != null) {
                diagnostics.error(value.name().span(), "Value \"" + name + "\" is declared twice in " + owner + ".",
                        "Remove one of them; the first is on line " + diagnostics.lineOf(first.name().span()) + ".");
                continue;
            }
            if (naming.isReserved(name)) {
                diagnostics.warning(value.name().span(), "Value \"" + name + "\" of " + owner
                        + " is a reserved word in Java; the generated code names it \""
                        + naming.enumConstantName(name) + "\".", "To choose the Java name, rename the value and "
                                + "keep the database name with @map, e.g. " + name.toUpperCase(Locale.ROOT) + " @map(\""
                                + name + "\").");
            }
            String dbName = SchemaIndex.mappedName(value.attributes()).orElse(name);
            EnumValue clash = byDbName.putIfAbsent(dbName, value);
            if (clash != null) {
                diagnostics.error(mapSpan(value.attributes(), value.name().span()), "Value \"" + name + "\" of "
                        + owner + " is stored as \"" + dbName + "\", which value \"" + clash.name().name()
                        + "\" already uses.", "Give one of them a different @map.");
            }
        }
    }

    private void checkModelDbNames(SchemaIndex index) {
        Map<String, ModelBlock> byDatasourceAndDbName = new HashMap<>();
        for (ModelBlock model : index.modelBlocks()) {
            if (index.model(model.name().name()).orElse(null) != model) {
                continue;
            }
            Optional<String> datasource = index.datasourceOf(model);
            String dbName = SchemaIndex.dbName(model);
            ModelBlock clash = byDatasourceAndDbName.putIfAbsent(datasource.orElse("") + "\u0000" + dbName, model);
            if (clash != null) {
                diagnostics.error(mapSpan(model.attributes(), model.name().span()), "Model \"" + model.name().name()
                        + "\" is stored as \"" + dbName + "\", which model \"" + clash.name().name()
                        + "\" already uses in datasource \"" + datasource.orElse("") + "\".",
                        "Give one of them a different @@map.");
            }
        }
    }

    /** The span of the {@code @map}/{@code @@map} attribute when there is one, else {@code fallback}. */
    private static Span mapSpan(List<Attribute> attributes, Span fallback) {
        return attributes.stream().filter(a -> a.name().equals("map")).findFirst().map(Attribute::span)
                .orElse(fallback);
    }

    private static String describe(Block block) {
        if (block instanceof ModelBlock model) {
            return model.kind() == ModelBlock.Kind.MODEL ? "model" : "type";
        }
        return "enum";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
