package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.EnumDefinition;
import javax.lang.model.element.Modifier;

/** Emits a Java enum for a schema enum, each constant carrying its database name. */
final class EnumEmitter {

    private final GenerationContext context;

    EnumEmitter(GenerationContext context) {
        this.context = context;
    }

    TypeSpec emit(EnumDefinition definition) {
        ClassName type = context.types().generated(context.naming().typeName(definition.name()));
        TypeName string = ClassName.get(String.class);
        TypeSpec.Builder builder = TypeSpec.enumBuilder(type)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc(Docs.javadoc(definition.doc(), "The values of the enum " + definition.name() + "."));
        CodeBlock.Builder cases = CodeBlock.builder();
        for (EnumDefinition.Value value : definition.values()) {
            String constant = context.naming().enumConstantName(value.name());
            TypeSpec.Builder body = TypeSpec.anonymousClassBuilder("$S", value.dbName());
            String doc = Docs.paramDoc(value.doc());
            if (doc != null) {
                body.addJavadoc("$L\n", doc);
            }
            builder.addEnumConstant(constant, body.build());
            cases.addStatement("case $S -> $N", value.dbName(), constant);
        }
        builder.addField(FieldSpec.builder(string, "dbName", Modifier.PRIVATE, Modifier.FINAL).build());
        builder.addMethod(MethodSpec.constructorBuilder()
                .addParameter(string, "dbName")
                .addStatement("this.dbName = dbName")
                .build());
        builder.addMethod(MethodSpec.methodBuilder("dbName")
                .addJavadoc("The value as the database stores it.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(string)
                .addStatement("return dbName")
                .build());
        builder.addMethod(MethodSpec.methodBuilder("fromDbName")
                .addJavadoc("The value the database stores as {@code dbName}; {@code null} for {@code null}.\n\n"
                        + "@throws IllegalArgumentException when no value is stored so\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(type)
                .addParameter(string, "dbName")
                .beginControlFlow("if (dbName == null)")
                .addStatement("return null")
                .endControlFlow()
                .addCode("return switch (dbName) {\n$>")
                .addCode(cases.build())
                .addStatement("default -> throw new $T($S + dbName + $S)", IllegalArgumentException.class,
                        "No " + type.simpleName() + " is stored as '", "'")
                .addCode("$<};\n")
                .build());
        TypeName list = ParameterizedTypeName.get(JavaTypes.LIST, type);
        TypeName stringList = ParameterizedTypeName.get(JavaTypes.LIST, string);
        builder.addMethod(listOf("fromDbNames", "The values the database stores as {@code dbNames}; {@code null} for {@code null}.\n",
                list, stringList, "dbNames", type, "fromDbName"));
        builder.addMethod(listOf("toDbNames", "The database names of {@code values}; {@code null} for {@code null}.\n",
                stringList, list, "values", type, "dbName"));
        return builder.build();
    }

    /** {@code public static result method(parameterType parameter)}: each element through {@code type::element}, null for null. */
    private static MethodSpec listOf(String method, String doc, TypeName result, TypeName parameterType, String parameter,
                                     ClassName type, String element) {
        return MethodSpec.methodBuilder(method)
                .addJavadoc(doc)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(result)
                .addParameter(parameterType, parameter)
                .addStatement("return $N == null ? null : $N.stream().map($T::$N).toList()", parameter, parameter, type, element)
                .build();
    }
}
