package dev.refract.codegen.generate;

import com.palantir.javapoet.ClassName;
import dev.refract.codegen.naming.Naming;
import java.util.List;

/**
 * The generated classes of one model, all named after it. The record keeps the model's name; the
 * others are the auxiliary classes, each named by one of {@link #SUFFIXES}, and give way to the
 * schema's own names as {@link Naming#auxiliaryNames} describes.
 *
 * @param record         the immutable record, e.g. {@code PipelineRun}
 * @param field          the enum of its scalar fields, e.g. {@code PipelineRunField}
 * @param relationCounts the builder of the to-many relations to count, e.g. {@code PipelineRunRelationCounts}
 * @param groupOrderBy   the sort keys of {@code groupBy}, e.g. {@code PipelineRunGroupOrderBy}
 */
public record ModelNames(ClassName record, ClassName field, ClassName where, ClassName whereUnique,
        ClassName orderBy, ClassName select, ClassName include, ClassName findMany, ClassName findUnique,
        ClassName create, ClassName update, ClassName aggregateQuery, ClassName aggregate, ClassName groupByQuery,
        ClassName having, ClassName group, ClassName mapper, ClassName delegate, ClassName relationCounts,
        ClassName groupOrderBy) {

    /**
     * The suffixes of the auxiliary classes, in the order of this record's components after {@code record}.
     * New suffixes go last, so that the classes of existing schemas keep the names they settled on.
     */
    static final List<String> SUFFIXES = List.of("Field", "Where", "WhereUnique", "OrderBy", "Select", "Include",
            "FindMany", "FindUnique", "Create", "Update", "AggregateQuery", "Aggregate", "GroupByQuery", "Having",
            "Group", "Mapper", "Delegate", "RelationCounts", "GroupOrderBy");

    /** The names of a model whose record is {@code record} and whose auxiliaries are named, in {@link #SUFFIXES} order. */
    static ModelNames of(ClassName record, List<ClassName> auxiliaries) {
        if (auxiliaries.size() != SUFFIXES.size()) {
            throw new IllegalArgumentException("expected " + SUFFIXES.size() + " auxiliary names, got " + auxiliaries.size());
        }
        List<ClassName> a = auxiliaries;
        return new ModelNames(record, a.get(0), a.get(1), a.get(2), a.get(3), a.get(4), a.get(5), a.get(6), a.get(7),
                a.get(8), a.get(9), a.get(10), a.get(11), a.get(12), a.get(13), a.get(14), a.get(15), a.get(16),
                a.get(17), a.get(18));
    }

    /**
     * The record nested in the model's record that holds its relation counts: {@code Counts}, or
     * {@code RelationCounts} for a model called {@code Counts}, as a nested class cannot share the
     * name of the class around it.
     */
    ClassName counts() {
        return record.nestedClass(record.simpleName().equals("Counts") ? "RelationCounts" : "Counts");
    }

    /** The record nested in the aggregate that holds the per-field counts, also used by the group. */
    ClassName fieldCounts() {
        return aggregate.nestedClass("Counts");
    }

    /** Every class name. */
    List<ClassName> all() {
        return List.of(record, field, where, whereUnique, orderBy, select, include, findMany, findUnique, create,
                update, aggregateQuery, aggregate, groupByQuery, having, group, mapper, delegate, relationCounts,
                groupOrderBy);
    }
}
