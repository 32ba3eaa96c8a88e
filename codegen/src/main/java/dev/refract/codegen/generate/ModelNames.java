package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import dev.refract.codegen.naming.Naming;
import java.util.List;

/**
 * The generated classes of one model, all named after it. The record keeps the model's name; the
 * others are the auxiliary classes, each named by one of {@link #SUFFIXES}, and give way to the
 * schema's own names as {@link Naming#auxiliaryNames} describes.
 *
 * @param record      the immutable record, e.g. {@code PipelineRun}
 * @param field       the enum of its scalar fields, e.g. {@code PipelineRunField}
 */
public record ModelNames(ClassName record, ClassName field, ClassName where, ClassName whereUnique,
        ClassName orderBy, ClassName select, ClassName include, ClassName findMany, ClassName findUnique,
        ClassName create, ClassName update, ClassName aggregateQuery, ClassName aggregate, ClassName groupByQuery,
        ClassName having, ClassName group, ClassName mapper, ClassName delegate) {

    /** The suffixes of the auxiliary classes, in the order of this record's components after {@code record}. */
    static final List<String> SUFFIXES = List.of("Field", "Where", "WhereUnique", "OrderBy", "Select", "Include",
            "FindMany", "FindUnique", "Create", "Update", "AggregateQuery", "Aggregate", "GroupByQuery", "Having",
            "Group", "Mapper", "Delegate");

    /** The names of a model whose record is {@code record} and whose auxiliaries are named, in {@link #SUFFIXES} order. */
    static ModelNames of(ClassName record, List<ClassName> auxiliaries) {
        if (auxiliaries.size() != SUFFIXES.size()) {
            throw new IllegalArgumentException("expected " + SUFFIXES.size() + " auxiliary names, got " + auxiliaries.size());
        }
        List<ClassName> a = auxiliaries;
        return new ModelNames(record, a.get(0), a.get(1), a.get(2), a.get(3), a.get(4), a.get(5), a.get(6), a.get(7),
                a.get(8), a.get(9), a.get(10), a.get(11), a.get(12), a.get(13), a.get(14), a.get(15), a.get(16));
    }

    /** Every class name. */
    List<ClassName> all() {
        return List.of(record, field, where, whereUnique, orderBy, select, include, findMany, findUnique, create,
                update, aggregateQuery, aggregate, groupByQuery, having, group, mapper, delegate);
    }
}
