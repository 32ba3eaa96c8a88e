package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.FieldDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.meta.Provider;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Emits the create builder of a model (required fields checked by {@code build()}) and its update
 * builder (set, set to null for optional fields, atomic arithmetic for numbers), each with one
 * method per relation field for nested writes on the related records. Relations to a model of
 * another datasource have none.
 */
final class WriteEmitter {

    private static final ClassName MISSING_REQUIRED_FIELD =
            ClassName.get("dev.refract.error", "MissingRequiredFieldException");

    private final GenerationContext context;
    private final ValueCodes values;

    WriteEmitter(GenerationContext context) {
        this.context = context;
        this.values = new ValueCodes(context);
    }

    TypeSpec emitCreate(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName create = names.create();
        TypeSpec.Builder builder = base(create, model, names,
                "The values of a new {@link $T} record. Fields with a default, optional fields and\n"
                        + "{@code @updatedAt} fields may be left out; {@code build()} checks the others.\n");
        for (FieldDefinition field : context.scalarFields(model)) {
            builder.addMethod(setter(model, create, field));
        }
        List<FieldDefinition> relations = writableRelations(model);
        for (FieldDefinition relation : relations) {
            builder.addMethod(relationCreate(model, create, relation));
        }
        if (expiring(model)) {
            builder.addMethod(ttl(model, create, "created"));
        }
        CodeBlock checks = requiredChecks(model, relations);
        MethodSpec.Builder build = MethodSpec.methodBuilder("build")
                .addModifiers(Modifier.PUBLIC)
                .returns(BuilderTypes.WRITE_DATA);
        if (relations.isEmpty()) {
            return builder.addMethod(build
                            .addJavadoc("The values given.\n\n@throws $T naming the first required field not given\n",
                                    MISSING_REQUIRED_FIELD)
                            .addCode(checks)
                            .addStatement("return data()")
                            .build())
                    .build();
        }
        boolean requiredRelation = context.scalarFields(model).stream().anyMatch(field -> field.isRequiredOnCreate()
                && !linking(field, relations).isEmpty());
        builder.addMethod(build
                .addJavadoc(requiredRelation
                        ? "The values given. A required relation may be given by a nested write instead of its\n"
                                + "foreign-key fields.\n\n@throws $T naming the first required field not given\n"
                        : "The values given.\n\n@throws $T naming the first required field not given\n",
                        MISSING_REQUIRED_FIELD)
                .addStatement("return buildNested(-1)")
                .build());
        return builder.addMethod(MethodSpec.methodBuilder("buildNested")
                        .addJavadoc("The values given, for a record created through its relation field at index\n"
                                + "{@code relationField}, as a nested create of a related record makes it: the foreign-key\n"
                                + "fields of that relation need no value, the related record fills them. {@code -1} names\n"
                                + "no relation, as {@link #build()} does.\n\n"
                                + "@throws $T naming the first required field not given\n", MISSING_REQUIRED_FIELD)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(BuilderTypes.WRITE_DATA)
                        .addParameter(TypeName.INT, "relationField")
                        .addCode(checks)
                        .addStatement("return data()")
                        .build())
                .build();
    }

    TypeSpec emitUpdate(ModelDefinition model) {
        ModelNames names = context.names(model);
        ClassName update = names.update();
        TypeSpec.Builder builder = base(update, model, names,
                "Changes to {@link $T} records; fields not mentioned keep their value. Number fields can\n"
                        + "also change atomically, e.g. {@code d -> d.attempts().increment(1)}.\n");
        for (FieldDefinition field : context.scalarFields(model)) {
            builder.addMethod(setter(model, update, field));
            if (JavaTypes.isNumeric(field)) {
                builder.addMethod(MethodSpec.methodBuilder(context.naming().builderMethodName(field.name()))
                        .addJavadoc("Sets {@code $L} or changes it atomically.\n", field.name())
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(BuilderTypes.NUMBER_UPDATE, update, context.types().value(field)))
                        .addStatement("return number($L, $S)", context.fieldIndex(model, field.name()), field.name())
                        .build());
            }
        }
        for (FieldDefinition relation : writableRelations(model)) {
            builder.addMethod(relationUpdate(model, update, relation));
        }
        if (expiring(model)) {
            builder.addMethod(ttl(model, update, "updated"));
        }
        builder.addMethod(MethodSpec.methodBuilder("build")
                .addJavadoc("The changes given.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(BuilderTypes.WRITE_DATA)
                .addStatement("return data()")
                .build());
        return builder.build();
    }

    /**
     * A write builder whose Javadoc is {@code doc}, followed, when the model relates models of another
     * datasource, by why those relations take no nested writes and what to do instead.
     */
    private TypeSpec.Builder base(ClassName type, ModelDefinition model, ModelNames names, String doc) {
        List<FieldDefinition> skipped = context.crossDatasourceRelations(model);
        String text = skipped.isEmpty() ? doc : doc + "\n<p>Relations to models of another datasource ("
                + QueryEmitter.codeList(skipped) + ") take no nested writes\n"
                + "here: no transaction spans two datasources, so such a write could not be atomic. Write each\n"
                + "side with its own delegate and coordinate the writes in a saga ({@code db.saga()}), which\n"
                + "compensates the steps already done when a later one fails.\n";
        return BuilderMembers.selfTypedClass(type, BuilderTypes.WRITE_BUILDER, "Nothing given yet.\n")
                .addJavadoc(text, names.record());
    }

    private MethodSpec setter(ModelDefinition model, ClassName owner, FieldDefinition field) {
        String parameter = context.naming().fieldName(field.name());
        int index = context.fieldIndex(model, field.name());
        CodeBlock stored = values.encode(field, CodeBlock.of("$N", parameter));
        boolean nullable = field.isOptional();
        MethodSpec.Builder method = MethodSpec.methodBuilder(context.naming().builderMethodName(field.name()))
                .addJavadoc(nullable ? "Sets {@code $L}; {@code null} clears it.$L\n" : "Sets {@code $L}.$L\n", field.name(),
                        Docs.paramDoc(field.doc()) == null ? "" : " " + Docs.paramDoc(field.doc()))
                .addModifiers(Modifier.PUBLIC)
                .returns(owner)
                .addParameter(context.types().value(field), parameter);
        if (nullable) {
            method.addStatement("return set($L, $L)", index, stored);
        } else {
            method.addStatement("return setRequired($L, $S, $L)", index, field.name(), stored);
        }
        return method.build();
    }

    /** True for a model of a datasource that expires records (Redis), whose writes take a time to live. */
    private boolean expiring(ModelDefinition model) {
        return context.schema().datasources().get(model.datasourceIndex()).provider() == Provider.REDIS;
    }

    /** {@code ttl(Duration)}: the record written lives that long from the write, whatever {@code @@ttl} says. */
    private static MethodSpec ttl(ModelDefinition model, ClassName owner, String written) {
        return MethodSpec.methodBuilder("ttl")
                .addJavadoc("Lets the record $L live for {@code ttl} from this write, instead of what\n"
                        + "$L. Redis expires the record and its index keys\n"
                        + "together.\n\n@throws IllegalArgumentException when {@code ttl} is null or under a millisecond\n",
                        written, model.ttlSeconds() == null ? "its model says (for ever, as it has no {@code @@ttl})"
                                : "{@code @@ttl(" + model.ttlSeconds() + ")} says")
                .addModifiers(Modifier.PUBLIC)
                .returns(owner)
                .addParameter(Duration.class, "ttl")
                .addStatement("return timeToLive(ttl)")
                .build();
    }

    /** The relation fields that take nested writes: every one but those reaching another datasource. */
    private List<FieldDefinition> writableRelations(ModelDefinition model) {
        return context.relationFields(model).stream().filter(f -> !f.relation().crossDatasource()).toList();
    }

    /**
     * The checks of the fields a create needs, in field order. A foreign-key field of a relation in
     * {@code relations} is needed only when the record is not linked through that relation: neither
     * created through it (the {@code relationField} of {@code buildNested}) nor given a nested write on it.
     */
    private CodeBlock requiredChecks(ModelDefinition model, List<FieldDefinition> relations) {
        CodeBlock.Builder checks = CodeBlock.builder();
        for (FieldDefinition field : context.scalarFields(model)) {
            if (!field.isRequiredOnCreate()) {
                continue;
            }
            int index = context.fieldIndex(model, field.name());
            List<FieldDefinition> linking = linking(field, relations);
            if (linking.isEmpty()) {
                checks.addStatement("require($L, $S, $S)", index, model.name(), field.name());
                continue;
            }
            String indexes = linking.stream().map(relation -> String.valueOf(context.fieldIndex(model, relation.name())))
                    .collect(Collectors.joining(", "));
            checks.beginControlFlow("if (!linked(relationField, $L))", indexes)
                    .addStatement("require($L, $S, $S, $S)", index, model.name(), field.name(),
                            context.naming().builderMethodName(linking.get(0).name()))
                    .endControlFlow();
        }
        return checks.build();
    }

    /** The relations of {@code relations} whose foreign key includes {@code field}. */
    private static List<FieldDefinition> linking(FieldDefinition field, List<FieldDefinition> relations) {
        return relations.stream().filter(relation -> relation.relation().fields().contains(field.name())).toList();
    }

    private MethodSpec relationCreate(ModelDefinition model, ClassName owner, FieldDefinition relation) {
        ModelNames target = context.names(relation.relation().targetModel());
        CodeBlock builders = CodeBlock.of("$L,\n$L", create(relation), unique(target));
        if (relation.isList()) {
            return relationMethod(model, owner, relation,
                    ParameterizedTypeName.get(BuilderTypes.TO_MANY_CREATE, target.create(), target.whereUnique()), builders,
                    CodeBlock.of("Creates or connects {@code $L}, the related {@link $T} records, in the order given.$L\n",
                            relation.name(), target.record(), fieldDoc(relation)));
        }
        return relationMethod(model, owner, relation,
                ParameterizedTypeName.get(BuilderTypes.TO_ONE_CREATE, target.create(), target.whereUnique()), builders,
                CodeBlock.of("Creates or connects {@code $L}, the related {@link $T} record.$L$L\n", relation.name(),
                        target.record(), fieldDoc(relation), foreignKeyNote(relation)));
    }

    private MethodSpec relationUpdate(ModelDefinition model, ClassName owner, FieldDefinition relation) {
        ModelNames target = context.names(relation.relation().targetModel());
        if (relation.isList()) {
            return relationMethod(model, owner, relation,
                    ParameterizedTypeName.get(BuilderTypes.TO_MANY_WRITE, target.create(), target.update(),
                            target.whereUnique(), target.where()),
                    CodeBlock.of("$L,\n$L,\n$L,\n$L", create(relation), update(target), unique(target), where(target)),
                    CodeBlock.of("Writes {@code $L}, the related {@link $T} records, in the order given: creates,\n"
                            + "connects, sets, disconnects, updates or deletes them.$L\n", relation.name(), target.record(),
                            fieldDoc(relation)));
        }
        boolean optional = relation.isOptional();
        return relationMethod(model, owner, relation,
                ParameterizedTypeName.get(optional ? BuilderTypes.TO_ONE_WRITE_NULLABLE : BuilderTypes.TO_ONE_WRITE,
                        target.create(), target.update(), target.whereUnique()),
                CodeBlock.of("$L,\n$L,\n$L", create(relation), update(target), unique(target)),
                CodeBlock.of("Writes {@code $L}, the related {@link $T} record: $L.$L\n", relation.name(), target.record(),
                        optional ? "creates, connects, updates,\nupserts, disconnects or deletes it"
                                : "creates, connects, updates or\nupserts it",
                        fieldDoc(relation)));
    }

    /**
     * {@code owner relation(Consumer<nested> writes)}: builds the nested writes with the related
     * model's own builders, {@code builders}, and keeps them under the relation field's index.
     */
    private MethodSpec relationMethod(ModelDefinition model, ClassName owner, FieldDefinition relation,
            ParameterizedTypeName nested, CodeBlock builders, CodeBlock doc) {
        return MethodSpec.methodBuilder(context.naming().builderMethodName(relation.name()))
                .addJavadoc(doc)
                .addModifiers(Modifier.PUBLIC)
                .returns(owner)
                .addParameter(ParameterizedTypeName.get(JavaTypes.CONSUMER, nested), "writes")
                .addStatement("return relate($L, writes, new $T<>(\n$L))", context.fieldIndex(model, relation.name()),
                        nested.rawType(), builders)
                .build();
    }

    /** The schema's documentation of {@code field} on a line of its own, or nothing. */
    private static String fieldDoc(FieldDefinition field) {
        String doc = Docs.paramDoc(field.doc());
        return doc == null ? "" : "\n" + doc;
    }

    /** For a to-one relation whose foreign key this model holds: the note that a nested write replaces it. */
    private static String foreignKeyNote(FieldDefinition relation) {
        List<String> fields = relation.relation().fields();
        if (fields.isEmpty()) {
            return "";
        }
        List<String> quoted = fields.stream().map(field -> "{@code " + field + "}").toList();
        String names = quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " and " + quoted.get(quoted.size() - 1);
        return "\nGiven this way, " + names + (fields.size() == 1 ? " needs" : " need") + " no value.";
    }

    /** The related model's create builder, built as a record created through the relation's other side. */
    private CodeBlock create(FieldDefinition relation) {
        ModelDefinition targetModel = context.model(relation.relation().targetModel());
        ModelNames target = context.names(targetModel);
        return CodeBlock.of("$T.of($T::new, create -> create.buildNested($L))", BuilderTypes.RELATED_BUILDER,
                target.create(), context.fieldIndex(targetModel, relation.relation().oppositeField()));
    }

    private static CodeBlock update(ModelNames target) {
        return CodeBlock.of("$T.of($T::new, $T::build)", BuilderTypes.RELATED_BUILDER, target.update(), target.update());
    }

    private static CodeBlock unique(ModelNames target) {
        return CodeBlock.of("$T.of($T::new, $T::build)", BuilderTypes.RELATED_BUILDER, target.whereUnique(),
                target.whereUnique());
    }

    private static CodeBlock where(ModelNames target) {
        return CodeBlock.of("$T.of($T::new, $T::build)", BuilderTypes.RELATED_BUILDER, target.where(), target.where());
    }
}
