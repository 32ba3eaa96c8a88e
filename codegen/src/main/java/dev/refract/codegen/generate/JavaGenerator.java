package dev.refract.codegen.generate;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.refract.codegen.definition.CompositeTypeDefinition;
import dev.refract.codegen.definition.EnumDefinition;
import dev.refract.codegen.definition.ModelDefinition;
import dev.refract.codegen.definition.SchemaDefinition;
import dev.refract.codegen.naming.Naming;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a valid schema into the Java sources of its client: definitions in, a naming strategy,
 * one emitter per artefact, JavaPoet files out. The output depends only on the schema, so the same
 * schema always gives byte-identical files.
 */
public final class JavaGenerator {

    /** The generator {@code provider} this generator answers to. */
    public static final String PROVIDER = "refract-java";

    private final Naming naming;

    /** A generator with the default naming strategy. */
    public JavaGenerator() {
        this(new Naming());
    }

    /** A generator naming things with {@code naming}. */
    public JavaGenerator(Naming naming) {
        this.naming = naming;
    }

    /**
     * The sources of the client of {@code schema}, sorted by path.
     *
     * @throws GenerationException when the schema has no {@code refract-java} generator block, or
     *         names that would clash in Java
     */
    public List<GeneratedFile> generate(SchemaDefinition schema) {
        if (schema.generator() == null || !PROVIDER.equals(schema.generator().provider())) {
            throw new GenerationException("The schema has no generator block for the Java client: add\n"
                    + "  generator client {\n    provider = \"" + PROVIDER + "\"\n    package  = \"com.example.db\"\n  }");
        }
        if (schema.generator().packageName() == null || schema.generator().packageName().isBlank()) {
            throw new GenerationException("The generator block '" + schema.generator().name()
                    + "' has no package: add package = \"com.example.db\"");
        }
        if (schema.models().isEmpty()) {
            throw new GenerationException("The schema declares no model: add at least one model to generate a client");
        }
        GenerationContext context = new GenerationContext(schema, naming);
        List<TypeSpec> types = new ArrayList<>();
        EnumEmitter enums = new EnumEmitter(context);
        for (EnumDefinition definition : schema.enums()) {
            types.add(enums.emit(definition));
        }
        CompositeEmitter composites = new CompositeEmitter(context);
        WhereEmitter wheres = new WhereEmitter(context);
        for (CompositeTypeDefinition definition : schema.compositeTypes()) {
            types.add(composites.emitRecord(definition));
            types.add(composites.emitCodec(definition));
            types.add(wheres.emitCompositeWhere(definition));
        }
        RecordEmitter records = new RecordEmitter(context);
        FieldEnumEmitter fieldEnums = new FieldEnumEmitter(context);
        QueryEmitter queries = new QueryEmitter(context);
        WriteEmitter writes = new WriteEmitter(context);
        AggregateEmitter aggregates = new AggregateEmitter(context);
        AggregateQueryEmitter aggregateQueries = new AggregateQueryEmitter(context);
        HavingEmitter havings = new HavingEmitter(context);
        MapperEmitter mappers = new MapperEmitter(context);
        DelegateEmitter delegates = new DelegateEmitter(context);
        RelationCountsEmitter relationCounts = new RelationCountsEmitter(context);
        GroupOrderByEmitter groupOrders = new GroupOrderByEmitter(context);
        for (ModelDefinition model : schema.models()) {
            types.add(records.emit(model));
            types.add(fieldEnums.emit(model));
            types.add(wheres.emitWhere(model));
            types.add(wheres.emitWhereUnique(model));
            types.add(queries.emitOrderBy(model));
            types.add(queries.emitSelect(model));
            if (!context.relationFields(model).isEmpty()) {
                types.add(queries.emitInclude(model));
            }
            if (!context.countableRelations(model).isEmpty()) {
                types.add(relationCounts.emit(model));
            }
            types.add(queries.emitFindMany(model));
            types.add(queries.emitFindUnique(model));
            types.add(writes.emitCreate(model));
            types.add(writes.emitUpdate(model));
            types.add(aggregates.emitAggregate(model));
            types.add(aggregates.emitGroup(model));
            types.add(aggregateQueries.emitAggregateQuery(model));
            types.add(aggregateQueries.emitGroupByQuery(model));
            types.add(groupOrders.emit(model));
            types.add(havings.emit(model));
            types.add(mappers.emit(model));
            types.add(delegates.emit(model));
        }
        types.add(new MetadataEmitter(context).emit());
        types.add(new ClientEmitter(context).emit());

        String packageName = context.packageName();
        String directory = packageName.replace('.', '/');
        List<GeneratedFile> files = new ArrayList<>(types.size());
        for (TypeSpec type : types) {
            JavaFile file = JavaFile.builder(packageName, type)
                    .addFileComment("Generated by Refract from the schema. Do not edit: change the schema and generate again.")
                    .skipJavaLangImports(true)
                    .indent("    ")
                    .build();
            files.add(new GeneratedFile(directory + "/" + type.name() + ".java", file.toString()));
        }
        files.sort(Comparator.comparing(GeneratedFile::relativePath));
        return List.copyOf(files);
    }
}
