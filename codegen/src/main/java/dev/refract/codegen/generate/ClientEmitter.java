package dev.refract.codegen.generate;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import dev.refract.codegen.definition.CompositeTypeDefinition;
import dev.refract.codegen.definition.DatasourceDefinition;
import dev.refract.codegen.definition.EnumDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.meta.Provider;
import dev.refract.transaction.TransactionOptions;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Emits the client class: one accessor per model, transactions, sagas, {@code close()}, a builder of
 * overrides, and the raw SQL methods ({@code queryRaw}, {@code executeRaw} and their {@code Unsafe} forms).
 */
final class ClientEmitter {

    private static final ClassName PUBLISHER = ClassName.get("org.reactivestreams", "Publisher");

    /** The simple names of the types the transaction and saga methods refer to. */
    private static final Set<String> TRANSACTION_TYPES = Set.of("Object", "List", "Function", "Publisher",
            "TransactionOptions", "Flux", "Mono", "GeneratedClient", "ClientOptions", "Saga");

    private static final ClassName SAGA = ClassName.get("dev.refract.saga", "Saga");

    private static final ClassName GENERATED_CLIENT = ClassName.get("dev.refract.client", "GeneratedClient");

    private final GenerationContext context;

    ClientEmitter(GenerationContext context) {
        this.context = context;
    }

    TypeSpec emit() {
        ClassName client = context.client();
        ClassName builderType = client.nestedClass("Builder");
        String datasources = context.schema().datasources().stream().map(DatasourceDefinition::name)
                .collect(Collectors.joining(", "));
        TypeSpec.Builder type = TypeSpec.classBuilder(client)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(AutoCloseable.class)
                .addSuperinterface(GENERATED_CLIENT)
                .addJavadoc("The client of this schema: one accessor per model, e.g. {@code db.$L().findMany(...)}.\n"
                        + "Build it with {@link #builder()}; pools start on first use and {@link #close()} releases them.\n"
                        + "Frameworks that assemble the options themselves build it with {@link #of}.\n",
                        context.naming().accessorName(context.schema().models().get(0).name()))
                .addField(FieldSpec.builder(BuilderTypes.CLIENT_CORE, "core", Modifier.PRIVATE, Modifier.FINAL).build());
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PRIVATE)
                .addParameter(BuilderTypes.CLIENT_CORE, "core")
                .addStatement("this.core = core");
        for (ModelDefinition model : context.schema().models()) {
            ModelNames names = context.names(model);
            String accessor = context.naming().accessorName(model.name());
            type.addField(FieldSpec.builder(names.delegate(), accessor, Modifier.PRIVATE, Modifier.FINAL).build());
            constructor.addStatement("this.$N = new $T(core)", accessor, names.delegate());
            type.addMethod(MethodSpec.methodBuilder(accessor)
                    .addJavadoc("The operations on {@link $T} records.\n", names.record())
                    .addModifiers(Modifier.PUBLIC)
                    .returns(names.delegate())
                    .addStatement("return $N", accessor)
                    .build());
        }
        type.addMethod(constructor.build());
        type.addMethod(MethodSpec.methodBuilder("builder")
                .addJavadoc("A builder whose overrides win over the schema's URLs and pool sizes.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(builderType)
                .addStatement("return new $T()", builderType)
                .build());
        type.addMethod(MethodSpec.methodBuilder("of")
                .addJavadoc("A client built with {@code options} made elsewhere, e.g. by the Spring Boot starter;\n"
                        + "{@link #builder()} is the way in application code.\n\n"
                        + "@throws IllegalArgumentException when the options name a datasource that is not in the schema\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(client)
                .addParameter(BuilderTypes.CLIENT_OPTIONS, "options")
                .addStatement("return new $T($T.create($T.SCHEMA, options))", client, BuilderTypes.CLIENT_CORE,
                        context.metadata())
                .build());
        type.addMethod(MethodSpec.methodBuilder("core")
                .addJavadoc("The engine this client runs on, for frameworks that check and measure its datasources.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(BuilderTypes.CLIENT_CORE)
                .addStatement("return core")
                .build());
        type.addMethod(MethodSpec.methodBuilder("close")
                .addJavadoc("Closes the client: later calls fail with {@code ClientClosedException}, and every pool is\n"
                        + "released in the background without blocking.\n")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addStatement("core.close()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("closeAsync")
                .addJavadoc("Closes the client; completes when every pool is released.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(ParameterizedTypeName.get(JavaTypes.MONO, ClassName.get(Void.class)))
                .addStatement("return core.closeAsync()")
                .build());
        transactionMethods(client).forEach(type::addMethod);
        type.addMethod(sagaMethod());
        type.alwaysQualify(clashingTransactionTypes());
        type.addType(builder(client, builderType, datasources));
        addRawQueries(type);
        return type.build();
    }

    /**
     * The interactive {@code transaction(work)} and batch {@code transaction(operations)}, each also
     * with {@code TransactionOptions}; the core carries the transaction in the Reactor context, so the
     * work is handed this same client.
     */
    private static List<MethodSpec> transactionMethods(ClassName client) {
        ClassName options = ClassName.get(TransactionOptions.class);
        TypeVariableName t = TypeVariableName.get("T");
        TypeName work = ParameterizedTypeName.get(ClassName.get(Function.class), client,
                WildcardTypeName.subtypeOf(ParameterizedTypeName.get(PUBLISHER, t)));
        TypeName results = ParameterizedTypeName.get(JavaTypes.MONO,
                ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(Object.class)));
        TypeName operations = ParameterizedTypeName.get(ClassName.get(List.class),
                WildcardTypeName.subtypeOf(ParameterizedTypeName.get(PUBLISHER, WildcardTypeName.subtypeOf(Object.class))));
        return List.of(
                MethodSpec.methodBuilder("transaction")
                        .addJavadoc("Runs {@code work} in one transaction with the default options; see\n"
                                + "{@link #transaction($T, $T)}.\n", options, Function.class)
                        .addModifiers(Modifier.PUBLIC)
                        .addTypeVariable(t)
                        .returns(ParameterizedTypeName.get(JavaTypes.FLUX, t))
                        .addParameter(work, "work")
                        .addStatement("return transaction($T.defaults(), work)", options)
                        .build(),
                MethodSpec.methodBuilder("transaction")
                        .addJavadoc("Runs the publisher {@code work} returns in one transaction of one datasource: committed when it\n"
                                + "completes, rolled back when it errors or is cancelled. Every call of this client subscribed\n"
                                + "inside the work runs in the transaction, whichever thread it runs on; the client handed to\n"
                                + "{@code work} is this one. Emits the work's elements once the commit has succeeded. A call on a\n"
                                + "model of another datasource fails with {@code CrossDatasourceTransactionException}; a\n"
                                + "transaction inside the work joins this one. See docs/transactions.md.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .addTypeVariable(t)
                        .returns(ParameterizedTypeName.get(JavaTypes.FLUX, t))
                        .addParameter(options, "options")
                        .addParameter(work, "work")
                        .addStatement("return core.transaction(options, () -> work.apply(this))")
                        .build(),
                MethodSpec.methodBuilder("transaction")
                        .addJavadoc("Runs {@code operations} in order in one transaction with the default options; see\n"
                                + "{@link #transaction($T, $T)}.\n", options, List.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(results)
                        .addParameter(operations, "operations")
                        .addStatement("return transaction($T.defaults(), operations)", options)
                        .build(),
                MethodSpec.methodBuilder("transaction")
                        .addJavadoc("Runs {@code operations}, calls of this client such as {@code create(...)} that have not been\n"
                                + "subscribed to, one after the other in one transaction: all or nothing. Emits, after the commit,\n"
                                + "one result per operation in their order: a {@code Mono}'s value ({@code null} when empty), a\n"
                                + "{@code Flux}'s elements as a {@code List}.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(results)
                        .addParameter(options, "options")
                        .addParameter(operations, "operations")
                        .addStatement("return core.transaction(options, operations)")
                        .build());
    }

    /** {@code saga()}: a new saga, whose steps are calls of this client across its datasources. */
    private MethodSpec sagaMethod() {
        String first = context.naming().accessorName(context.schema().models().get(0).name());
        return MethodSpec.methodBuilder("saga")
                .addJavadoc("A new saga: work across datasources that one transaction cannot cover, as named steps run in\n"
                        + "order, each with the compensation that undoes it. When a step fails, the completed steps are\n"
                        + "compensated in reverse order, and the outcome says what was done and undone, e.g.\n"
                        + "<pre>{@code\n"
                        + "db.saga()\n"
                        + "    .step(\"first\", done -> db.$L().create(...), created -> db.$L().delete(...))\n"
                        + "    .step(\"second\", done -> ..., value -> ...)\n"
                        + "    .run()                                   // Mono<SagaOutcome>, cold\n"
                        + "    .flatMap(SagaOutcome::committedOrError)  // or handle Compensated and CompensationFailed\n"
                        + "}</pre>\n"
                        + "See {@link $T} for failures, retries of compensations and cancellation.\n", first, first, SAGA)
                .addModifiers(Modifier.PUBLIC)
                .returns(SAGA)
                .addStatement("return core.saga()")
                .build();
    }

    /**
     * The names of {@link #TRANSACTION_TYPES} that a model, enum or type of the schema also has: the
     * client, in the same package, must spell both out in full.
     */
    private String[] clashingTransactionTypes() {
        Stream<String> schemaTypes = Stream.of(
                context.schema().models().stream().map(ModelDefinition::name),
                context.schema().enums().stream().map(EnumDefinition::name),
                context.schema().compositeTypes().stream().map(CompositeTypeDefinition::name))
                .flatMap(names -> names)
                .map(context.naming()::typeName);
        return schemaTypes.filter(TRANSACTION_TYPES::contains).distinct().toArray(String[]::new);
    }

    private TypeSpec builder(ClassName client, ClassName builderType, String datasources) {
        TypeName string = ClassName.get(String.class);
        return TypeSpec.classBuilder(builderType)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Builds a {@link $T}. Datasources of this schema: $L.\n", client, datasources)
                .addField(FieldSpec.builder(BuilderTypes.CLIENT_OPTIONS.nestedClass("Builder"), "options",
                        Modifier.PRIVATE, Modifier.FINAL).initializer("$T.builder()", BuilderTypes.CLIENT_OPTIONS).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(forwarding(builderType, "datasource",
                        "Connects datasource {@code name} to {@code url} instead of what the schema says.",
                        ParameterSpec.builder(string, "name").build(), ParameterSpec.builder(string, "url").build()))
                .addMethod(forwarding(builderType, "poolSize",
                        "Gives datasource {@code name} a pool of {@code size} connections.",
                        ParameterSpec.builder(string, "name").build(), ParameterSpec.builder(TypeName.INT, "size").build()))
                .addMethod(forwarding(builderType, "environment",
                        "Reads the {@code env(...)} variables of the schema through {@code lookup}.",
                        ParameterSpec.builder(ParameterizedTypeName.get(ClassName.get(Function.class), string, string),
                                "lookup").build()))
                .addMethod(forwarding(builderType, "clock",
                        "Reads the time for {@code now()} defaults and {@code @updatedAt} from {@code clock}.",
                        ParameterSpec.builder(ClassName.get(Clock.class), "clock").build()))
                .addMethod(forwarding(builderType, "idGenerators",
                        "Makes the generators of {@code @default(cuid())}, {@code uuid()}, … with {@code factory}, given the client's clock.",
                        ParameterSpec.builder(ParameterizedTypeName.get(ClassName.get(Function.class),
                                ClassName.get(Clock.class), BuilderTypes.ID_GENERATORS), "factory").build()))
                .addMethod(forwarding(builderType, "crossDatasourceKeyLimit",
                        "Lets one condition on a relation to another datasource read up to {@code limit} link keys into"
                                + " memory;\nmore fail the call (see {@link dev.refract.client.ClientOptions.Builder#crossDatasourceKeyLimit}).",
                        ParameterSpec.builder(TypeName.INT, "limit").build()))
                .addMethod(forwarding(builderType, "adapterProvider",
                        "Uses {@code provider} before the adapters found on the classpath.",
                        ParameterSpec.builder(BuilderTypes.ADAPTER_PROVIDER, "provider").build()))
                .addMethod(MethodSpec.methodBuilder("build")
                        .addJavadoc("The client; nothing connects until the first call is subscribed to.\n\n"
                                + "@throws IllegalArgumentException when a datasource named here is not in the schema\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(client)
                        .addStatement("return of(options.build())")
                        .build())
                .build();
    }

    /** A builder method that hands its parameters to the options builder's method of the same name. */
    private static MethodSpec forwarding(TypeName builderType, String name, String javadoc, ParameterSpec... parameters) {
        String arguments = Arrays.stream(parameters).map(p -> p.name()).collect(Collectors.joining(", "));
        return MethodSpec.methodBuilder(name)
                .addJavadoc(javadoc + "\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(builderType)
                .addParameters(List.of(parameters))
                .addStatement("options.$L($L)", name, arguments)
                .addStatement("return this")
                .build();
    }

    // Raw SQL: queryRaw, executeRaw and their Unsafe forms, run on a named datasource.

    private static final ClassName RAW_STATEMENT = ClassName.get("dev.refract.spi", "RawStatement");

    /** The raw SQL methods: three on text with bound arguments, three named {@code Unsafe} for assembled text. */
    private void addRawQueries(TypeSpec.Builder type) {
        String bound = "Write each value as a placeholder of the datasource's SQL ({@code $1, $2, …} on PostgreSQL,\n"
                + "{@code ?} on MySQL) and pass it in {@code args}, in order: arguments are bound, never spliced into\n"
                + "the text, and their number must match the placeholders. An argument is {@code null} or a\n"
                + "{@code String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code Double}, {@code Float},\n"
                + "{@code BigDecimal}, {@code Instant}, {@code LocalDate}, {@code LocalDateTime},\n"
                + "{@code OffsetDateTime}, {@code UUID}, {@code byte[]}, {@code Json}, a Java enum (bound as its name)\n"
                + "or a {@code List} of these. Keep {@code sql} a constant; text assembled at run time belongs in the\n"
                + "{@code Unsafe} form.\n";
        String assembled = "The only way to run text assembled at run time, e.g. around a table name chosen by code:\n"
                + "Refract sends {@code sql} exactly as given and splices nothing into it, and binds {@code args} to\n"
                + "its placeholders as the form without {@code Unsafe} does. Never build the text from input a user\n"
                + "controls: that is SQL injection. Pass such values in {@code args}.\n";
        String sqlDatasources = context.schema().datasources().stream()
                .filter(d -> d.provider().family() == Provider.Family.RELATIONAL)
                .map(DatasourceDefinition::name).collect(Collectors.joining(", "));
        String parameter = "\n@param datasource the name of the SQL datasource to run on"
                + (sqlDatasources.isEmpty() ? "" : " (" + sqlDatasources + ")")
                + "; an unknown\n    name, or a datasource without SQL, is signalled as an error\n";
        TypeVariableName r = TypeVariableName.get("R");
        TypeName records = ParameterizedTypeName.get(JavaTypes.FLUX, r);
        TypeName maps = ParameterizedTypeName.get(JavaTypes.FLUX,
                ParameterizedTypeName.get(JavaTypes.MAP, ClassName.get(String.class), ClassName.get(Object.class)));
        TypeName count = ParameterizedTypeName.get(JavaTypes.MONO, ClassName.get(Long.class));
        for (boolean unsafe : new boolean[] {false, true}) {
            String suffix = unsafe ? "Unsafe" : "";
            String factory = unsafe ? "unsafe" : "of";
            String how = (unsafe ? assembled : bound) + parameter;
            type.addMethod(raw("queryRaw" + suffix, maps, false, "Runs a read written in SQL and streams its rows as"
                            + " unmodifiable maps from column\nlabel to value, in column order, each value read by its"
                            + " column's type. Cold, like every call.\n\n<p>" + how)
                    .addStatement("return core.queryRaw(datasource, () -> $T.$L(sql, args))", RAW_STATEMENT, factory)
                    .build());
            type.addMethod(raw("queryRaw" + suffix, records, true, "Runs a read written in SQL and streams its rows as"
                            + " records of {@code type}: a model's\nrecord, whose fields take the columns of their"
                            + " names ({@code @map} respected) and are read as the\nmodel reads them, or a record"
                            + " class of yours, whose components take the columns of their names (also\nignoring case,"
                            + " or in snake_case), converted where nothing is lost. A missing column, or one no field\n"
                            + "of the model holds, is signalled as an error. Cold, like every call.\n\n<p>" + how)
                    .addStatement("return rawRecords(datasource, type, () -> $T.$L(sql, args))", RAW_STATEMENT, factory)
                    .build());
            type.addMethod(raw("executeRaw" + suffix, count, false, "Runs a statement written in SQL and returns the"
                            + " number of rows it changed, as the\ndatabase reports it. Cold, like every call.\n\n<p>"
                            + how)
                    .addStatement("return core.executeRaw(datasource, () -> $T.$L(sql, args))", RAW_STATEMENT, factory)
                    .build());
        }
        type.addMethod(rawRecords(r));
        qualifyHiddenJavaLang(type);
    }

    /** A raw SQL method's signature: datasource, optionally the record type, text, and the arguments. */
    private static MethodSpec.Builder raw(String name, TypeName returns, boolean typed, String javadoc) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addJavadoc("$L", javadoc)
                .addModifiers(Modifier.PUBLIC)
                .returns(returns)
                .addParameter(String.class, "datasource");
        if (typed) {
            TypeVariableName r = TypeVariableName.get("R");
            method.addTypeVariable(r).addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), r), "type");
        }
        return method.addParameter(String.class, "sql")
                .addParameter(ArrayTypeName.of(Object.class), "args")
                .varargs(true);
    }

    /** Reads rows into a model's record through its generated mapper, or into any other record by name. */
    private MethodSpec rawRecords(TypeVariableName r) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("rawRecords")
                .addModifiers(Modifier.PRIVATE)
                .addTypeVariable(r)
                .returns(ParameterizedTypeName.get(JavaTypes.FLUX, r))
                .addParameter(String.class, "datasource")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), r), "type")
                .addParameter(ParameterizedTypeName.get(ClassName.get(Supplier.class), RAW_STATEMENT), "statement");
        for (ModelDefinition model : context.schema().models()) {
            ModelNames names = context.names(model);
            method.beginControlFlow("if (type == $T.class)", names.record())
                    .addStatement("return core.queryRaw(datasource, $L, row -> type.cast($T.map(row)), statement)",
                            context.modelIndex(model.name()), names.mapper())
                    .endControlFlow();
        }
        return method.addStatement("return core.queryRaw(datasource, type, statement)").build();
    }

    /**
     * Writes {@code java.lang.Object} and {@code java.lang.Class} in full when a type of the schema takes
     * their simple name in the generated package, where it would hide them.
     */
    private void qualifyHiddenJavaLang(TypeSpec.Builder type) {
        Set<String> names = new HashSet<>();
        context.schema().models().forEach(m -> names.add(context.naming().typeName(m.name())));
        context.schema().enums().forEach(e -> names.add(context.naming().typeName(e.name())));
        context.schema().compositeTypes().forEach(t -> names.add(context.naming().typeName(t.name())));
        for (String hidden : List.of("Object", "Class")) {
            if (names.contains(hidden)) {
                type.alwaysQualify(hidden);
            }
        }
    }
}
