package dev.refract.codegen.naming;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How schema names become Java names: types keep the schema's spelling (first letter upper case),
 * members keep theirs (first letter lower case), constants become {@code UPPER_SNAKE_CASE}, and a
 * name Java reserves gets a trailing underscore ({@code class} becomes {@code class_}).
 *
 * <p>Every generated artefact's name is derived here, so the emitters agree on them. A schema name
 * may equal any name the generated code uses for itself: a member that would clash with a generated
 * member of the same class (a builder base's method, an enum's {@code dbName}, a mapper's
 * {@code map}) gets a trailing underscore here, and the emitters refer to their own fields through
 * {@code this.} wherever a parameter named after a schema field could hide them.
 *
 * <h2>When generated class names collide</h2>
 * The schema's own names always win: every model record, enum and composite type keeps its name,
 * and so does the client class the generator block names. The auxiliary classes generated beside
 * them (a model's {@code Field}, {@code Where}, {@code Create}, {@code Update}, {@code Aggregate},
 * {@code Group}, … classes, a composite type's {@code Codec} and {@code Where}, the client's
 * {@code Metadata}) give way: each has a first-choice name, owner plus suffix ({@code FormField}), and
 * one alternative, owner plus the owner's kind plus suffix ({@code FormModelField} for a model,
 * {@code AddressTypeCodec} for a composite type, {@code RefractClientSchemaMetadata} for the client),
 * as {@link #auxiliaryNames} lists them. The names are settled once for the whole schema: first every
 * auxiliary class not beaten by a schema name takes its first choice, in order (the client's
 * metadata, then composite types and models in declaration order, each one's classes in a fixed
 * order), and a first choice already handed out goes to the earlier one; then the classes left over
 * take their alternative the same way. Only a class whose every candidate is taken stops generation
 * with an error that asks to rename one of the two. A schema without such collisions gets the
 * first-choice names, so adding this rule changed no existing client.
 */
public final class Naming {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "_", "var", "yield", "record", "sealed",
            "permits", "non-sealed");

    /**
     * The java.lang types the generated client names without their package. A model, enum or
     * composite type whose Java name is one of these would hide it in the generated package.
     */
    private static final Set<String> JAVA_LANG_USED_BY_CLIENT = Set.of("Double", "IllegalArgumentException",
            "Integer", "Iterable", "Long", "Override", "String");

    /** Hidden only by an enum or composite type: the client of a model of that name still compiles. */
    private static final Set<String> JAVA_LANG_HIDDEN_BY_ENUMS_AND_TYPES = Set.of("AutoCloseable", "Void");

    /** Members every Java object or record has; a field of one of these names would clash with them. */
    private static final Set<String> OBJECT_MEMBERS = Set.of("clone", "equals", "finalize", "getClass", "hashCode",
            "notify", "notifyAll", "toString", "wait");

    /** Members of the generated client class itself; a model accessor must not take their names. */
    private static final Set<String> CLIENT_MEMBERS = Set.of("builder", "close", "closeAsync", "core", "saga");

    /** Methods of the generated builders' bases; a field of one of these names would hide them. */
    private static final Set<String> BUILDER_MEMBERS = Set.of("and", "or", "not", "build", "self", "newBuilder",
            "field", "set", "setRequired", "require", "data", "number", "where", "orderBy", "skip", "take",
            "cursor", "distinct", "select", "omit", "include", "by", "having", "count", "sum", "avg", "min", "max");

    /** Methods of the create and update builders for nested writes; a field of one of these names would clash. */
    private static final Set<String> WRITE_BUILDER_MEMBERS = Set.of("buildNested", "relate", "linked");

    /** Members of a generated enum; a value of one of these names would clash with them. */
    private static final Set<String> ENUM_MEMBERS = Set.of("dbName");

    /** Static methods of a generated mapper; the helper reading a relation must not take their names. */
    private static final Set<String> MAPPER_MEMBERS = Set.of("map", "mapAll", "mapAggregate", "mapGroup");

    /**
     * The candidate names of an auxiliary class, most preferred first: {@code owner + suffix}, then
     * {@code owner + kind + suffix}, e.g. {@code FormField} and {@code FormModelField} for the field
     * enum of model {@code Form}.
     *
     * @param owner  the Java type name of the model, type or client the class belongs to
     * @param kind   what the owner is, as one capitalised word: {@code Model}, {@code Type} or {@code Schema}
     * @param suffix what the class is, e.g. {@code Field} or {@code Codec}
     */
    public List<String> auxiliaryNames(String owner, String kind, String suffix) {
        return List.of(owner + suffix, owner + kind + suffix);
    }

    /** True when Java reserves {@code name}, as a keyword, a literal or a restricted identifier such as {@code record}. */
    public boolean isReserved(String name) {
        return KEYWORDS.contains(name);
    }

    /**
     * True when a schema block whose Java type is {@code javaTypeName} would hide a java.lang type
     * the generated client refers to without its package, so that the client could not compile;
     * {@code model} tells a model from an enum or composite type.
     */
    public boolean hidesJavaLangType(String javaTypeName, boolean model) {
        return JAVA_LANG_USED_BY_CLIENT.contains(javaTypeName)
                || !model && JAVA_LANG_HIDDEN_BY_ENUMS_AND_TYPES.contains(javaTypeName);
    }

    /** The simple name of the Java type for the schema type {@code name}. */
    public String typeName(String name) {
        return escape(Character.toUpperCase(name.charAt(0)) + name.substring(1));
    }

    /** The name of the record component and accessor for the field {@code name}. */
    public String fieldName(String name) {
        String member = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        return KEYWORDS.contains(member) || OBJECT_MEMBERS.contains(member) ? member + "_" : member;
    }

    /** The name of a builder method for the field {@code name}, clear of the builder bases' own methods. */
    public String builderMethodName(String name) {
        String member = fieldName(name);
        return BUILDER_MEMBERS.contains(member) || WRITE_BUILDER_MEMBERS.contains(member) ? member + "_" : member;
    }

    /** The client accessor of a model, e.g. {@code pipelineRun} for {@code PipelineRun}. */
    public String accessorName(String modelName) {
        int upper = 0;
        while (upper < modelName.length() && Character.isUpperCase(modelName.charAt(upper))) {
            upper++;
        }
        // "URLMapping" reads best as "urlMapping": lower the leading acronym but not the next word's capital.
        int lowerUntil = upper <= 1 || upper == modelName.length() ? upper : upper - 1;
        String accessor = modelName.substring(0, lowerUntil).toLowerCase(Locale.ROOT) + modelName.substring(lowerUntil);
        return KEYWORDS.contains(accessor) || OBJECT_MEMBERS.contains(accessor) || CLIENT_MEMBERS.contains(accessor)
                ? accessor + "_" : accessor;
    }

    /** The {@code UPPER_SNAKE_CASE} constant for {@code name}, e.g. {@code STARTED_AT} for {@code startedAt}. */
    public String constantName(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean boundary = i > 0 && Character.isUpperCase(c)
                    && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1))
                    || (i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1))
                            && Character.isUpperCase(name.charAt(i - 1))));
            if (boundary && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            out.append(Character.toUpperCase(c));
        }
        String constant = out.toString();
        return KEYWORDS.contains(constant) ? constant + "_" : constant;
    }

    /** The Java name of an enum value: as written, escaped when Java or the generated enum's own members take it. */
    public String enumConstantName(String value) {
        return ENUM_MEMBERS.contains(value) ? value + "_" : escape(value);
    }

    /** The name of the mapper's helper that reads the relation field {@code name}, clear of the mapper's own methods. */
    public String mapperMethodName(String name) {
        String member = fieldName(name);
        return MAPPER_MEMBERS.contains(member) ? member + "_" : member;
    }

    /** The method of a unique-where builder selecting by a compound key, e.g. {@code runIdPosition}. */
    public String compoundKeyName(String keyName, List<String> fields) {
        if (keyName != null) {
            return builderMethodName(keyName);
        }
        StringBuilder out = new StringBuilder(fieldName(fields.get(0)));
        for (String field : fields.subList(1, fields.size())) {
            out.append(Character.toUpperCase(field.charAt(0))).append(field.substring(1));
        }
        return builderMethodName(out.toString());
    }

    private static String escape(String name) {
        return KEYWORDS.contains(name) ? name + "_" : name;
    }
}
