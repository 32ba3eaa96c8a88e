package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * The generated classes of one model, all named after it.
 *
 * @param record      the immutable record, e.g. {@code PipelineRun}
 * @param field       the enum of its scalar fields, e.g. {@code PipelineRunField}
 */
public record ModelNames(ClassName record, ClassName field, ClassName where, ClassName whereUnique,
        ClassName orderBy, ClassName select, ClassName include, ClassName findMany, ClassName findUnique,
        ClassName create, ClassName update, ClassName aggregateQuery, ClassName aggregate, ClassName groupByQuery,
        ClassName having, ClassName group, ClassName mapper, ClassName delegate) {

    /** The names of the classes generated for the model whose Java type is {@code typeName}. */
    static ModelNames of(JavaTypes types, String typeName) {
        return new ModelNames(types.generated(typeName), types.generated(typeName + "Field"),
                types.generated(typeName + "Where"), types.generated(typeName + "WhereUnique"),
                types.generated(typeName + "OrderBy"), types.generated(typeName + "Select"),
                types.generated(typeName + "Include"), types.generated(typeName + "FindMany"),
                types.generated(typeName + "FindUnique"), types.generated(typeName + "Create"),
                types.generated(typeName + "Update"), types.generated(typeName + "AggregateQuery"),
                types.generated(typeName + "Aggregate"), types.generated(typeName + "GroupByQuery"), types.generated(typeName + "Having"),
                types.generated(typeName + "Group"), types.generated(typeName + "Mapper"),
                types.generated(typeName + "Delegate"));
    }

    /** Every class name, for collision checks. */
    List<ClassName> all() {
        return List.of(record, field, where, whereUnique, orderBy, select, include, findMany, findUnique, create,
                update, aggregateQuery, aggregate, groupByQuery, having, group, mapper, delegate);
    }
}
