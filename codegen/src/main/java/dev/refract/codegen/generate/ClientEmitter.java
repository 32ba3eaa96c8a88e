package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.DatasourceDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/** Emits the client class: one accessor per model, {@code close()}, and a builder of overrides. */
final class ClientEmitter {

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
                .addJavadoc("The client of this schema: one accessor per model, e.g. {@code db.$L().findMany(...)}.\n"
                        + "Build it with {@link #builder()}; pools start on first use and {@link #close()} releases them.\n",
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
        type.addType(builder(client, builderType, datasources));
        return type.build();
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
                .addMethod(forwarding(builderType, "adapterProvider",
                        "Uses {@code provider} before the adapters found on the classpath.",
                        ParameterSpec.builder(BuilderTypes.ADAPTER_PROVIDER, "provider").build()))
                .addMethod(MethodSpec.methodBuilder("build")
                        .addJavadoc("The client; nothing connects until the first call is subscribed to.\n\n"
                                + "@throws IllegalArgumentException when a datasource named here is not in the schema\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(client)
                        .addStatement("return new $T($T.create($T.SCHEMA, options.build()))", client,
                                BuilderTypes.CLIENT_CORE, context.metadata())
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
}
