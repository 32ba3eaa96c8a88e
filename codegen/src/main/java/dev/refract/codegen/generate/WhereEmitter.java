package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.CompositeTypeDefinition;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.FieldType;
import dev.refract.codegen.definition.KeyDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.meta.ScalarType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits the where builder of a model (one typed condition per stored field, one typed field
 * reference per single scalar or enum field for comparing two fields of a record, and one relation
 * condition per relation field, across datasources too), its unique-where builder (one method per unique key,
 * plus optional extra conditions), and the where builder of each composite type, which the
 * conditions on embedded values of that type fill.
 */
final class WhereEmitter {

    private final GenerationContext context;
    private final ValueCodes values;

    WhereEmitter(GenerationContext context) {
        this.context = context;
        this.values = new ValueCodes(context);
    }

    TypeSpec emitWhere(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName where = names.where();
        StringBuilder doc = new StringBuilder("Conditions on {@link $T} records, all of which must hold, e.g.\n"
                + "{@code w -> w.$L().eq(...)}; group them with {@code and}, {@code or} and {@code not}.\n");
        List<FieldDefinition> relations = context.filterableRelations(model);
        if (!relations.isEmpty()) {
            doc.append("Conditions may follow relations to the related records' own conditions, e.g.\n{@code w -> w.$L().$L(r -> ...)}.\n");
        }
        List<FieldDefinition> composites = context.scalarFields(model).stream().filter(WhereEmitter::isComposite).toList();
        if (!composites.isEmpty()) {
            doc.append("Conditions on embedded values reach the composite type's own fields, e.g.\n"
                    + "{@code w -> w.$L().$L(c -> ...)}.\n");
        }
        List<FieldDefinition> crossing = context.crossDatasourceRelations(model);
        if (!crossing.isEmpty()) {
            doc.append("Conditions on relations to models of another datasource (").append(QueryEmitter.codeList(crossing))
                    .append(") are\nresolved by the client before the query runs: one look-up on the other datasource"
                            + " reads the\nlink keys of the related records that match, and the condition becomes one on"
                            + " this model's\nown link fields. The keys are held in memory, up to the client's"
                            + " {@code crossDatasourceKeyLimit};\ninside a transaction the look-up runs outside it."
                            + " Such relations offer no sort key and no\ncount.\n");
        }
        List<Object> arguments = new ArrayList<>(List.of(names.record(),
                context.naming().builderMethodName(context.scalarFields(model).get(0).name())));
        if (!relations.isEmpty()) {
            arguments.add(context.naming().builderMethodName(relations.get(0).name()));
            arguments.add(relations.get(0).isList() ? "some" : "is");
        }
        if (!composites.isEmpty()) {
            arguments.add(context.naming().builderMethodName(composites.get(0).name()));
            arguments.add(composites.get(0).isList() ? "some" : "is");
        }
        TypeSpec.Builder builder = BuilderMembers.selfTypedClass(where, BuilderTypes.WHERE_BUILDER,
                        "An empty builder: it matches every record.\n")
                .addJavadoc(doc.toString(), arguments.toArray())
                .addMethod(BuilderMembers.newBuilder(where));
        for (FieldDefinition field : context.scalarFields(model)) {
            builder.addMethod(condition(context.fieldIndex(model, field.name()), field, where, true));
            if (!field.isList() && !isComposite(field)) {
                builder.addField(fieldRef(model, field, where));
            }
        }
        for (FieldDefinition field : relations) {
            builder.addMethod(relationCondition(model, field, where));
        }
        return builder.build();
    }

    /**
     * The accessor of the conditions on the records related through {@code field}: some, every or none
     * of a to-many relation's records; is or is not for a to-one relation's record, and whether an
     * optional one is set.
     */
    private MethodSpec relationCondition(ModelDefinition model, FieldDefinition field, ClassName where) {
        ClassName related = context.names(field.relation().targetModel()).where();
        ClassName type;
        String what;
        if (field.isList()) {
            type = BuilderTypes.RELATION_FILTER.nestedClass("ToMany");
            what = "records: whether some, every or none of them meet conditions";
        } else if (field.isOptional()) {
            type = BuilderTypes.RELATION_FILTER.nestedClass("ToOne").nestedClass("Nullable");
            what = "record: whether there is one, and whether it meets conditions";
        } else {
            type = BuilderTypes.RELATION_FILTER.nestedClass("ToOne");
            what = "record: whether it meets conditions";
        }
        String doc = Docs.paramDoc(field.doc());
        String crossing = !field.relation().crossDatasource() ? ""
                : "\nThe related records live in another datasource: the client reads the keys of those that\n"
                        + "match in one look-up there before this query runs.";
        return MethodSpec.methodBuilder(context.naming().builderMethodName(field.name()))
                .addJavadoc("Conditions on the related {@code $L} $L.$L$L\n", field.name(), what, crossing,
                        doc == null ? "" : "\n" + doc)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(type, where, related))
                .addStatement("return new $T<>(this, $L, $S, $T::new)", type, context.fieldIndex(model, field.name()),
                        field.name(), related)
                .build();
    }

    /**
     * The typed reference to {@code field} that conditions on another field of the same type take,
     * e.g. {@code w.updatedAt().gt(PipelineRunWhere.STARTED_AT)}.
     */
    private FieldSpec fieldRef(ModelDefinition model, FieldDefinition field, ClassName where) {
        String constant = context.constant(model, field);
        return FieldSpec.builder(ParameterizedTypeName.get(BuilderTypes.FIELD_REF, where, context.types().element(field)),
                        constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The field {@code $L}, for comparing another field of the same type with it.\n", field.name())
                .initializer("new $T<>($L, $S)", BuilderTypes.FIELD_REF, context.fieldIndex(model, field.name()),
                        field.name())
                .build();
    }

    /**
     * Emits the where builder of a composite type: one typed condition per field of the type, its
     * indexes counted in the type's own fields, for the conditions on embedded values of that type
     * ({@code w.address().is(a -> ...)}). Two fields of one embedded value are not compared with each
     * other, so it declares no field references.
     */
    TypeSpec emitCompositeWhere(CompositeTypeDefinition definition) {
        ClassName where = context.compositeWhere(definition.name());
        ClassName record = context.types().generated(context.naming().typeName(definition.name()));
        List<FieldDefinition> fields = definition.fields();
        FieldDefinition first = fields.get(0);
        String example = isComposite(first) ? (first.isList() ? "some" : "is") + "(v -> ...)" : "eq(...)";
        TypeSpec.Builder builder = BuilderMembers.selfTypedClass(where, BuilderTypes.WHERE_BUILDER,
                        "An empty builder: it matches every value.\n")
                .addJavadoc("Conditions on embedded {@link $T} values, all of which must hold, e.g.\n"
                        + "{@code c -> c.$L().$L}; group them with {@code and}, {@code or} and {@code not}.\n"
                        + "The where builder of every model or composite type holding such a value hands one out,\n"
                        + "e.g. to {@code is(c -> ...)} or {@code some(c -> ...)}.\n",
                        record, context.naming().builderMethodName(first.name()), example)
                .addMethod(BuilderMembers.newBuilder(where));
        for (int i = 0; i < fields.size(); i++) {
            builder.addMethod(condition(i, fields.get(i), where, true));
        }
        return builder.build();
    }

    /** The accessor of the conditions on {@code field}, for the where-like builder {@code where}. */
    MethodSpec condition(ModelDefinition model, FieldDefinition field, ClassName where) {
        // Paths inside a value are conditions on stored records, not on the rows of a group.
        boolean jsonPaths = where.equals(context.names(model).where());
        return condition(context.fieldIndex(model, field.name()), field, where, jsonPaths);
    }

    /**
     * The accessor of the conditions on {@code field}, at {@code index} of its model or composite type,
     * for the where-like builder {@code where}; a {@code Json} field offers conditions on paths inside
     * its value when {@code jsonPaths} is true.
     */
    private MethodSpec condition(int index, FieldDefinition field, ClassName where, boolean jsonPaths) {
        ConditionKind kind = kindOf(field);
        if (kind == ConditionKind.JSON && !jsonPaths) {
            kind = ConditionKind.VALUE;
        }
        if (kind == ConditionKind.COMPOSITE) {
            return compositeCondition(index, field, where);
        }
        TypeName element = context.types().element(field);
        TypeName returned;
        CodeBlock created;
        switch (kind) {
            case LIST -> {
                returned = ParameterizedTypeName.get(BuilderTypes.LIST_CONDITION, where, element);
                created = CodeBlock.of("new $T<>(this, $L, $S, $L)", BuilderTypes.LIST_CONDITION, index, field.name(),
                        values.encoder(field));
            }
            case JSON -> {
                ClassName type = field.isOptional() ? BuilderTypes.JSON_CONDITION.nestedClass("Nullable")
                        : BuilderTypes.JSON_CONDITION;
                returned = ParameterizedTypeName.get(type, where);
                created = CodeBlock.of("new $T<>(this, $L, $S)", type, index, field.name());
            }
            case STRING -> {
                ClassName type = field.isOptional() ? BuilderTypes.STRING_CONDITION.nestedClass("Nullable")
                        : BuilderTypes.STRING_CONDITION;
                returned = ParameterizedTypeName.get(type, where);
                created = CodeBlock.of("new $T<>(this, $L, $S)", type, index, field.name());
            }
            default -> {
                ClassName base = kind == ConditionKind.ORDERED ? BuilderTypes.COMPARABLE_CONDITION
                        : BuilderTypes.VALUE_CONDITION;
                ClassName type = field.isOptional() ? base.nestedClass("Nullable") : base;
                returned = ParameterizedTypeName.get(type, where, element);
                created = CodeBlock.of("new $T<>(this, $L, $S, $L)", type, index, field.name(), values.encoder(field));
            }
        }
        return MethodSpec.methodBuilder(context.naming().builderMethodName(field.name()))
                .addJavadoc("Conditions on {@code $L}.$L\n", field.name(),
                        Docs.paramDoc(field.doc()) == null ? "" : " " + Docs.paramDoc(field.doc()))
                .addModifiers(Modifier.PUBLIC)
                .returns(returned)
                .addStatement("return $L", created)
                .build();
    }

    /**
     * The accessor of the conditions on the composite field {@code field}: equality with a whole value
     * or list, and conditions on the composite type's own fields, through its where builder.
     */
    private MethodSpec compositeCondition(int index, FieldDefinition field, ClassName where) {
        String typeName = ((FieldType.CompositeRef) field.type()).name();
        ClassName composite = context.compositeWhere(typeName);
        ClassName type;
        String what;
        if (field.isList()) {
            type = BuilderTypes.COMPOSITE_FILTER.nestedClass("Many");
            what = "values:\nwhether the list equals a whole list, whether some, every or none of them meet conditions,\n"
                    + "or whether it is empty";
        } else if (field.isOptional()) {
            type = BuilderTypes.COMPOSITE_FILTER.nestedClass("Single").nestedClass("Nullable");
            what = "value:\nwhether it is set, whether it equals a whole value, or whether it meets conditions";
        } else {
            type = BuilderTypes.COMPOSITE_FILTER.nestedClass("Single");
            what = "value:\nwhether it equals a whole value, or whether it meets conditions";
        }
        String doc = Docs.paramDoc(field.doc());
        return MethodSpec.methodBuilder(context.naming().builderMethodName(field.name()))
                .addJavadoc("Conditions on {@code $L}, the embedded {@link $T} $L.$L\n", field.name(),
                        context.types().element(field), what, doc == null ? "" : "\n" + doc)
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(type, where, context.types().element(field), composite))
                .addStatement("return new $T<>(this, $L, $S, $L, $T::new)", type, index, field.name(),
                        values.encoder(field), composite)
                .build();
    }

    private static boolean isComposite(FieldDefinition field) {
        return field.type() instanceof FieldType.CompositeRef;
    }

    private enum ConditionKind { COMPOSITE, LIST, STRING, JSON, ORDERED, VALUE }

    private static ConditionKind kindOf(FieldDefinition field) {
        if (isComposite(field)) {
            return ConditionKind.COMPOSITE;
        }
        if (field.isList()) {
            return ConditionKind.LIST;
        }
        if (field.type() instanceof FieldType.Scalar scalar && scalar.type() == ScalarType.STRING) {
            return ConditionKind.STRING;
        }
        if (field.type() instanceof FieldType.Scalar scalar && scalar.type() == ScalarType.JSON) {
            return ConditionKind.JSON;
        }
        return JavaTypes.isOrdered(field) ? ConditionKind.ORDERED : ConditionKind.VALUE;
    }

    TypeSpec emitWhereUnique(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName unique = names.whereUnique();
        TypeSpec.Builder builder = TypeSpec.classBuilder(unique)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addJavadoc("Picks one {@link $T} record by its id or another unique key, optionally with extra\n"
                        + "conditions that must hold too.\n", names.record())
                .addField(BuilderTypes.FILTER, "key", Modifier.PRIVATE)
                .addField(names.where(), "extra", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addJavadoc("A builder with no key yet.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .addStatement("extra = new $T()", names.where())
                        .build());
        List<KeyDefinition> keys = context.uniqueKeys(model);
        List<String> keyMethods = new ArrayList<>();
        for (KeyDefinition key : keys) {
            String methodName = key.isCompound() ? context.naming().compoundKeyName(key.name(), key.fields())
                    : context.naming().builderMethodName(key.fields().get(0));
            if (keyMethods.contains(methodName)) {
                continue;
            }
            keyMethods.add(methodName);
            MethodSpec.Builder method = MethodSpec.methodBuilder(methodName)
                    .addJavadoc("The record whose $L.\n", describe(key))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(unique);
            CodeBlock.Builder conditions = CodeBlock.builder().add("new $T()", names.where());
            for (String fieldName : key.fields()) {
                FieldDefinition field = model.field(fieldName).orElseThrow();
                String parameter = context.naming().fieldName(field.name());
                method.addParameter(context.types().value(field), parameter);
                conditions.add(".$N().eq($N)", context.naming().builderMethodName(field.name()), parameter);
            }
            method.addStatement("this.key = $L.build()", conditions.build()).addStatement("return this");
            builder.addMethod(method.build());
        }
        builder.addMethod(MethodSpec.methodBuilder("and")
                .addJavadoc("Extra conditions the record must meet besides its key.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(unique)
                .addParameter(ParameterizedTypeName.get(JavaTypes.CONSUMER, names.where()), "conditions")
                .addStatement("conditions.accept(extra)")
                .addStatement("return this")
                .build());
        builder.addMethod(MethodSpec.methodBuilder("build")
                .addJavadoc("The filter: the key, and the extra conditions if any.\n\n"
                        + "@throws $T when no unique key was given\n", BuilderTypes.INVALID_QUERY)
                .addModifiers(Modifier.PUBLIC)
                .returns(BuilderTypes.FILTER)
                .beginControlFlow("if (key == null)")
                .addStatement("throw new $T($S, $T.of(), $S)", BuilderTypes.INVALID_QUERY, model.name(), JavaTypes.LIST,
                        "A unique look-up of " + model.name() + " needs a unique key: call one of "
                                + String.join(", ", keyMethods.stream().map(m -> m + "(...)").toList()))
                .endControlFlow()
                .addStatement("$T conditions = extra.build()", BuilderTypes.FILTER)
                .addStatement("return conditions == $T.ALL ? key : new $T.And($T.of(key, conditions))",
                        BuilderTypes.FILTER, BuilderTypes.FILTER, JavaTypes.LIST)
                .build());
        return builder.build();
    }

    private static String describe(KeyDefinition key) {
        return key.isCompound() ? "fields " + String.join(", ", key.fields()) + " have these values"
                : key.fields().get(0) + " has this value";
    }
}
