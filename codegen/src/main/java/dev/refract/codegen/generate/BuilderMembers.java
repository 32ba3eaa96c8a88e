package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/** The members many generated builders have alike, emitted by one method each so they read the same everywhere. */
final class BuilderMembers {

    private BuilderMembers() {
    }

    /**
     * A {@code public final} builder class that extends {@code base<type>}, with a public no-argument
     * constructor documented by {@code constructorDoc} and {@link #self(ClassName)}.
     */
    static TypeSpec.Builder selfTypedClass(ClassName type, ClassName base, String constructorDoc) {
        return TypeSpec.classBuilder(type)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(base, type))
                .addMethod(publicConstructor(constructorDoc))
                .addMethod(self(type));
    }

    /** A public no-argument constructor documented by {@code doc}. */
    static MethodSpec publicConstructor(String doc) {
        return MethodSpec.constructorBuilder().addJavadoc(doc).addModifiers(Modifier.PUBLIC).build();
    }

    /** {@code protected type self()}: returns {@code this}, so inherited builder methods return the subclass. */
    static MethodSpec self(ClassName type) {
        return MethodSpec.methodBuilder("self")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(type)
                .addStatement("return this")
                .build();
    }

    /** {@code protected type newBuilder()}: a fresh, empty builder of the same type, for nested groups. */
    static MethodSpec newBuilder(ClassName type) {
        return MethodSpec.methodBuilder("newBuilder")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(type)
                .addStatement("return new $T()", type)
                .build();
    }

    /** A {@code private final} field {@code name} that starts as a new, empty {@code type}. */
    static FieldSpec freshField(ClassName type, String name) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.FINAL).initializer("new $T()", type).build();
    }

    /** {@code owner method(Consumer<builderType> method)}: lets the caller fill the builder in {@code field}. */
    static MethodSpec consumerSetter(ClassName owner, String method, ClassName builderType, String field, String doc) {
        return MethodSpec.methodBuilder(method)
                .addJavadoc("$L\n", doc)
                .addModifiers(Modifier.PUBLIC)
                .returns(owner)
                .addParameter(ParameterizedTypeName.get(JavaTypes.CONSUMER, builderType), method)
                .addStatement("$N.accept(this.$N)", method, field)
                .addStatement("return this")
                .build();
    }

    /** {@code owner name(int count)}: stores {@code count} in the field {@code name}. */
    static MethodSpec countSetter(ClassName owner, String name, String doc) {
        return countSetter(owner, name, doc, false);
    }

    /** As {@link #countSetter(ClassName, String, String)}, refusing a negative count with an {@link IllegalArgumentException}. */
    static MethodSpec nonNegativeCountSetter(ClassName owner, String name, String doc) {
        return countSetter(owner, name, doc, true);
    }

    private static MethodSpec countSetter(ClassName owner, String name, String doc, boolean refuseNegative) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addJavadoc(doc)
                .addModifiers(Modifier.PUBLIC)
                .returns(owner)
                .addParameter(TypeName.INT, "count");
        if (refuseNegative) {
            method.beginControlFlow("if (count < 0)")
                    .addStatement("throw new $T($S + count)", IllegalArgumentException.class,
                            name + " must not be negative, was ")
                    .endControlFlow();
        }
        return method.addStatement("this.$N = count", name)
                .addStatement("return this")
                .build();
    }
}
