package dev.refract.codegen.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.ModelDefinition;
import java.util.Arrays;
import javax.lang.model.element.Modifier;

/**
 * Emits a model's delegate, the object behind {@code db.pipelineRun()}: every model operation,
 * each returning a cold {@code Mono} or {@code Flux}.
 */
final class DelegateEmitter {

    private final GenerationContext context;

    DelegateEmitter(GenerationContext context) {
        this.context = context;
    }

    TypeSpec emit(ModelDefinition model) {
        ModelNames n = context.names(model);
        TypeName mono = ParameterizedTypeName.get(JavaTypes.MONO, n.record());
        TypeName flux = ParameterizedTypeName.get(JavaTypes.FLUX, n.record());
        TypeName monoLong = ParameterizedTypeName.get(JavaTypes.MONO, ClassName.get(Long.class));
        ClassName op = BuilderTypes.OPERATION;
        ClassName selection = BuilderTypes.SELECTION;
        ClassName filter = BuilderTypes.FILTER;
        TypeSpec.Builder builder = TypeSpec.classBuilder(n.delegate())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(BuilderTypes.MODEL_DELEGATE, n.record()))
                .addJavadoc("The operations on {@link $T} records. Every call is cold: nothing runs until subscription,\n"
                        + "and each subscription runs it again.\n", n.record())
                .addField(FieldSpec.builder(TypeName.INT, "MODEL", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("$L", context.modelIndex(model.name())).build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(BuilderTypes.CLIENT_CORE, "core")
                        .addStatement("super(core, MODEL, $T::map)", n.mapper())
                        .build());

        builder.addMethod(method("findUnique", mono, "The record this unique key picks, or empty.")
                .addParameter(consumer(n.findUnique()), "query")
                .addStatement("return one(() -> apply(new $T(), query).build())", n.findUnique())
                .build());
        builder.addMethod(method("findUniqueOrThrow", mono,
                        "The record this unique key picks; {@code RecordNotFoundException} when there is none.")
                .addParameter(consumer(n.findUnique()), "query")
                .addStatement("return oneOrThrow(() -> apply(new $T(), query).build(),\n$S)", n.findUnique(), "findUniqueOrThrow")
                .build());
        builder.addMethod(method("findFirst", mono, "The first record of the query, or empty.")
                .addParameter(consumer(n.findMany()), "query")
                .addStatement("return one(() -> new $T.FindFirst(MODEL, apply(new $T(), query).build()))", op, n.findMany())
                .build());
        builder.addMethod(method("findFirstOrThrow", mono,
                        "The first record of the query; {@code RecordNotFoundException} when there is none.")
                .addParameter(consumer(n.findMany()), "query")
                .addStatement("return oneOrThrow(() -> new $T.FindFirst(MODEL, apply(new $T(), query).build()),\n$S)", op,
                        n.findMany(), "findFirstOrThrow")
                .build());
        builder.addMethod(method("findMany", flux, "The records of the query, streamed as the subscriber asks for them.")
                .addParameter(consumer(n.findMany()), "query")
                .addStatement("return many(() -> new $T.FindMany(MODEL, apply(new $T(), query).build()))", op, n.findMany())
                .build());
        builder.addMethod(method("findMany", flux, "Every record, streamed as the subscriber asks for them.")
                .addStatement("return many(() -> new $T.FindMany(MODEL, $T.ALL))", op, BuilderTypes.QUERY_TYPE)
                .build());
        builder.addMethod(method("create", mono, "Creates a record and returns it as stored.")
                .addParameter(consumer(n.create()), "data")
                .addStatement("return one(() -> new $T.Create(MODEL, apply(new $T(), data).build(),\n$T.ALL))", op,
                        n.create(), selection)
                .build());
        TypeName rows = ParameterizedTypeName.get(ClassName.get(Iterable.class), n.create());
        builder.addMethod(method("createMany", monoLong, "Creates these records and returns how many were created.")
                .addParameter(rows, "records")
                .addStatement("return createMany(records, false)")
                .build());
        builder.addMethod(method("createMany", monoLong,
                        "Creates these records, skipping those whose unique keys exist when {@code skipDuplicates}\n"
                                + "is true, and returns how many were created.")
                .addParameter(rows, "records")
                .addParameter(TypeName.BOOLEAN, "skipDuplicates")
                .addStatement("return count(() -> new $T.CreateMany(MODEL,\n$T.stream(records.spliterator(), false)"
                        + ".map($T::build).toList(),\nskipDuplicates))", op, java.util.stream.StreamSupport.class, n.create())
                .build());
        builder.addMethod(method("createManyAndReturn", flux, "Creates these records and returns them as stored.")
                .addParameter(rows, "records")
                .addStatement("return createManyAndReturn(records, false)")
                .build());
        builder.addMethod(method("createManyAndReturn", flux,
                        "Creates these records, skipping those whose unique keys exist when {@code skipDuplicates}\n"
                                + "is true, and returns the records created, as stored.")
                .addParameter(rows, "records")
                .addParameter(TypeName.BOOLEAN, "skipDuplicates")
                .addStatement("return rows(() -> new $T.CreateManyAndReturn(MODEL,\n$T.stream(records.spliterator(), false)"
                        + ".map($T::build).toList(),\nskipDuplicates, $T.ALL),\n$T::map)", op,
                        java.util.stream.StreamSupport.class, n.create(), selection, n.mapper())
                .build());
        builder.addMethod(method("update", mono,
                        "Updates the record this unique key picks and returns it; {@code RecordNotFoundException}\n"
                                + "when there is none.")
                .addParameter(consumer(n.whereUnique()), "where")
                .addParameter(consumer(n.update()), "data")
                .addStatement("return one(() -> new $T.Update(MODEL,\napply(new $T(), where).build(),\napply(new $T(), data)"
                        + ".build(),\n$T.ALL))", op, n.whereUnique(), n.update(), selection)
                .build());
        builder.addMethod(method("updateMany", monoLong, "Updates every matching record and returns how many.")
                .addParameter(consumer(n.where()), "where")
                .addParameter(consumer(n.update()), "data")
                .addStatement("return count(() -> new $T.UpdateMany(MODEL,\napply(new $T(), where).build(),\napply(new $T(),"
                        + " data).build()))", op, n.where(), n.update())
                .build());
        builder.addMethod(method("updateManyAndReturn", flux,
                        "Updates every matching record and returns them as stored after the update.")
                .addParameter(consumer(n.where()), "where")
                .addParameter(consumer(n.update()), "data")
                .addStatement("return rows(() -> new $T.UpdateManyAndReturn(MODEL,\napply(new $T(), where).build(),\n"
                        + "apply(new $T(), data).build(),\n$T.ALL),\n$T::map)", op, n.where(), n.update(), selection,
                        n.mapper())
                .build());
        builder.addMethod(method("upsert", mono,
                        "Updates the record this unique key picks, or creates it when there is none, and returns it.")
                .addParameter(consumer(n.whereUnique()), "where")
                .addParameter(consumer(n.create()), "create")
                .addParameter(consumer(n.update()), "update")
                .addStatement("return one(() -> new $T.Upsert(MODEL,\napply(new $T(), where).build(),\napply(new $T(), create)"
                        + ".build(),\napply(new $T(), update).build(),\n$T.ALL))", op, n.whereUnique(), n.create(), n.update(),
                        selection)
                .build());
        builder.addMethod(method("delete", mono,
                        "Deletes the record this unique key picks and returns it; {@code RecordNotFoundException}\n"
                                + "when there is none.")
                .addParameter(consumer(n.whereUnique()), "where")
                .addStatement("return one(() -> new $T.Delete(MODEL, apply(new $T(), where).build(),\n$T.ALL))", op,
                        n.whereUnique(), selection)
                .build());
        if (!context.relationFields(model).isEmpty()) {
            writesReturningIncludes(builder, n);
        }
        builder.addMethod(method("deleteMany", monoLong, "Deletes every matching record and returns how many.")
                .addParameter(consumer(n.where()), "where")
                .addStatement("return count(() -> new $T.DeleteMany(MODEL, apply(new $T(), where).build()))", op, n.where())
                .build());
        builder.addMethod(method("deleteMany", monoLong, "Deletes every record and returns how many.")
                .addStatement("return count(() -> new $T.DeleteMany(MODEL, $T.ALL))", op, filter)
                .build());
        builder.addMethod(method("count", monoLong, "Counts the records of the query.")
                .addParameter(consumer(n.findMany()), "query")
                .addStatement("return count(() -> new $T.Count(MODEL, apply(new $T(), query).build()))", op, n.findMany())
                .build());
        builder.addMethod(method("count", monoLong, "Counts every record.")
                .addStatement("return count(() -> new $T.Count(MODEL, $T.ALL))", op, BuilderTypes.QUERY_TYPE)
                .build());
        builder.addMethod(method("countFields", ParameterizedTypeName.get(JavaTypes.MONO, n.fieldCounts()),
                        "Counts, per field, the records of the query where the field holds a value; the fields not\n"
                                + "given are {@code null} in the result. Fails with {@code IllegalArgumentException} when no\n"
                                + "field is given.")
                .addParameter(consumer(n.findMany()), "query")
                .addParameter(ArrayTypeName.of(n.field()), "fields")
                .varargs()
                .addStatement("return single(() -> new $T.Aggregate(MODEL, apply(new $T(), query).build(), fieldCounts(fields)),\n"
                        + "row -> $T.mapAggregate(row).counts())", op, n.findMany(), n.mapper())
                .build());
        builder.addMethod(method("aggregate", ParameterizedTypeName.get(JavaTypes.MONO, n.aggregate()),
                        "Computes aggregates over the matching records.")
                .addParameter(consumer(n.aggregateQuery()), "query")
                .addStatement("return single(() -> apply(new $T(), query).build(),\n$T::mapAggregate)", n.aggregateQuery(),
                        n.mapper())
                .build());
        builder.addMethod(method("groupBy", ParameterizedTypeName.get(JavaTypes.FLUX, n.group()),
                        "Groups the matching records and computes aggregates per group.")
                .addParameter(consumer(n.groupByQuery()), "query")
                .addStatement("return rows(() -> apply(new $T(), query).build(),\n$T::mapGroup)", n.groupByQuery(), n.mapper())
                .build());
        builder.addMethod(MethodSpec.methodBuilder("fieldCounts")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(BuilderTypes.AGGREGATIONS)
                .addParameter(ArrayTypeName.of(n.field()), "fields")
                .beginControlFlow("if (fields.length == 0)")
                .addStatement("throw new $T($S)", IllegalArgumentException.class,
                        "countFields on " + model.name() + " needs at least one field to count, e.g. countFields(q -> {}, "
                                + n.field().simpleName() + "." + context.constant(model, context.scalarFields(model).get(0))
                                + ")")
                .endControlFlow()
                .addStatement("return new $T(false, $T.of(), $T.of(), $T.of(), $T.of(),\n"
                        + "$T.stream(fields).map($T::index).distinct().sorted().toList())", BuilderTypes.AGGREGATIONS,
                        JavaTypes.LIST, JavaTypes.LIST, JavaTypes.LIST, JavaTypes.LIST, Arrays.class, n.field())
                .build());
        return builder.build();
    }

    /**
     * The single-record writes again, each taking what to {@code include} with the record it
     * returns: relations to load and to-many relations to count, as a read's include does.
     */
    private static void writesReturningIncludes(TypeSpec.Builder builder, ModelNames n) {
        TypeName mono = ParameterizedTypeName.get(JavaTypes.MONO, n.record());
        ClassName op = BuilderTypes.OPERATION;
        String with = "with the relations {@code include} loads and counts";
        builder.addMethod(method("create", mono, "Creates a record and returns it as stored, " + with + ".")
                .addParameter(consumer(n.create()), "data")
                .addParameter(consumer(n.include()), "include")
                .addStatement("return one(() -> new $T.Create(MODEL, apply(new $T(), data).build(),\n"
                        + "apply(new $T(), include).build()))", op, n.create(), n.include())
                .build());
        builder.addMethod(method("update", mono, "Updates the record this unique key picks and returns it, " + with
                        + ";\n{@code RecordNotFoundException} when there is none.")
                .addParameter(consumer(n.whereUnique()), "where")
                .addParameter(consumer(n.update()), "data")
                .addParameter(consumer(n.include()), "include")
                .addStatement("return one(() -> new $T.Update(MODEL,\napply(new $T(), where).build(),\napply(new $T(), data)"
                        + ".build(),\napply(new $T(), include).build()))", op, n.whereUnique(), n.update(), n.include())
                .build());
        builder.addMethod(method("upsert", mono, "Updates the record this unique key picks, or creates it when there is"
                        + " none, and\nreturns it, " + with + ".")
                .addParameter(consumer(n.whereUnique()), "where")
                .addParameter(consumer(n.create()), "create")
                .addParameter(consumer(n.update()), "update")
                .addParameter(consumer(n.include()), "include")
                .addStatement("return one(() -> new $T.Upsert(MODEL,\napply(new $T(), where).build(),\napply(new $T(), create)"
                        + ".build(),\napply(new $T(), update).build(),\napply(new $T(), include).build()))", op,
                        n.whereUnique(), n.create(), n.update(), n.include())
                .build());
        builder.addMethod(method("delete", mono, "Deletes the record this unique key picks and returns it, " + with
                        + ";\n{@code RecordNotFoundException} when there is none.")
                .addParameter(consumer(n.whereUnique()), "where")
                .addParameter(consumer(n.include()), "include")
                .addStatement("return one(() -> new $T.Delete(MODEL, apply(new $T(), where).build(),\n"
                        + "apply(new $T(), include).build()))", op, n.whereUnique(), n.include())
                .build());
    }

    private static MethodSpec.Builder method(String name, TypeName returns, String doc) {
        return MethodSpec.methodBuilder(name)
                .addJavadoc("$L\n", doc)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns);
    }

    private static TypeName consumer(ClassName type) {
        return ParameterizedTypeName.get(JavaTypes.CONSUMER, type);
    }
}
