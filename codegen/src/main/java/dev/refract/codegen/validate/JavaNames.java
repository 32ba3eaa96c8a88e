package dev.refract.codegen.validate;

import java.util.Set;

/** What Java accepts as a name: schema names become Java classes, fields and enum constants. */
final class JavaNames {

    private static final Set<String> RESERVED = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_");

    /** Names that are fine for a field or constant but cannot name a type. */
    private static final Set<String> RESTRICTED_TYPE_NAMES = Set.of("var", "yield", "record", "sealed", "permits");

    /**
     * The java.lang types the generated client names without their package. A model, enum or
     * composite type whose Java name is one of these hides it in the generated package, and the
     * client no longer compiles.
     */
    private static final Set<String> JAVA_LANG_USED_BY_CLIENT = Set.of("Double", "IllegalArgumentException",
            "Integer", "Iterable", "Long", "Override", "String");

    /** Hidden only by an enum or composite type: the client of a model of that name still compiles. */
    private static final Set<String> JAVA_LANG_HIDDEN_BY_ENUMS_AND_TYPES = Set.of("AutoCloseable", "Void");

    private JavaNames() {
    }

    /** True when {@code name} cannot name a field, method or constant in Java. */
    static boolean isReserved(String name) {
        return RESERVED.contains(name);
    }

    /** True when {@code name} cannot name a class in Java. */
    static boolean isReservedTypeName(String name) {
        return RESERVED.contains(name) || RESTRICTED_TYPE_NAMES.contains(name);
    }

    /**
     * True when a schema block generated as the Java type {@code javaTypeName} would hide a java.lang
     * type the generated client needs; {@code model} tells a model from an enum or composite type.
     */
    static boolean hidesJavaLangType(String javaTypeName, boolean model) {
        return JAVA_LANG_USED_BY_CLIENT.contains(javaTypeName)
                || !model && JAVA_LANG_HIDDEN_BY_ENUMS_AND_TYPES.contains(javaTypeName);
    }

    /**
     * The Java type the generator makes of the schema block {@code name}: first letter upper case,
     * a trailing underscore when Java reserves it.
     */
    static String typeName(String name) {
        return escaped(Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }

    /** The Java name the generator gives a field: first letter lower case, escaped when reserved. */
    static String memberName(String name) {
        return escaped(lowerFirst(name));
    }

    /** The Java constant the generator makes of an enum value: as written, escaped when reserved. */
    static String constantName(String value) {
        return escaped(value);
    }

    static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String escaped(String name) {
        return isReservedTypeName(name) ? name + "_" : name;
    }

    /** True for a Java identifier that is not a reserved word. */
    static boolean isIdentifier(String name) {
        if (name.isEmpty() || isReserved(name) || !Character.isJavaIdentifierStart(name.charAt(0))) {
            return false;
        }
        return name.chars().skip(1).allMatch(Character::isJavaIdentifierPart);
    }

    /** True for a dotted Java package name such as {@code com.example.db}. */
    static boolean isPackageName(String name) {
        if (name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }
}
