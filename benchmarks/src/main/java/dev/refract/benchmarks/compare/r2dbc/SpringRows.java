package dev.refract.benchmarks.compare.r2dbc;

import dev.refract.benchmarks.compare.Dataset;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The entity classes a Spring Data R2DBC user writes for the comparison's tables, annotated for
 * Spring's mapping (the tables and camel-case columns of {@code compare.prisma} are named
 * explicitly, as Spring would otherwise look for {@code created_at}), and what both Spring
 * contenders do with them.
 */
final class SpringRows {

    private SpringRows() {
    }

    /** A row of the ten-column table the reads use. */
    @Table("Sample")
    record SampleRow(@Id Integer id, String name, String email, String category, Integer quantity, Integer counter,
            Double price, Long total, Boolean active, @Column("createdAt") LocalDateTime createdAt) {
    }

    /** A row of the ten-column table the creates write; the database assigns the id and the counter. */
    @Table("Entry")
    record EntryRow(@Id Integer id, String name, String email, String category, Integer quantity, Integer counter,
            Double price, Long total, Boolean active, @Column("createdAt") LocalDateTime createdAt) {
    }

    /** A parent. */
    @Table("Parent")
    record ParentRow(@Id Integer id, String name) {
    }

    /** A child. */
    @Table("Child")
    record ChildRow(@Id Integer id, @Column("parentId") Integer parentId, Integer position, String label) {
    }

    /** The new entry of data index {@code index}. */
    static EntryRow entry(int index) {
        return new EntryRow(null, Dataset.name(index), Dataset.email(index), Dataset.category(index),
                Dataset.quantity(index), null, Dataset.price(index), Dataset.total(index), Dataset.active(index),
                Dataset.createdAtLocal(index));
    }

    static long fingerprint(SampleRow s) {
        return Dataset.sample(s.id(), Dataset.content(s.name(), s.email(), s.category(), s.quantity(), s.price(),
                s.total(), s.active(), Dataset.millis(s.createdAt())));
    }

    static long content(EntryRow e) {
        return Dataset.content(e.name(), e.email(), e.category(), e.quantity(), e.price(), e.total(), e.active(),
                Dataset.millis(e.createdAt()));
    }

    /** The ids of {@code parents}, for the query of their children. */
    static List<Integer> ids(List<ParentRow> parents) {
        List<Integer> ids = new ArrayList<>(parents.size());
        for (ParentRow parent : parents) {
            ids.add(parent.id());
        }
        return ids;
    }

    /**
     * Stitches {@code children} to {@code parents} by hand, as a Spring Data user must, and returns
     * the sum of the parents' fingerprints.
     */
    static long stitch(List<ParentRow> parents, List<ChildRow> children) {
        Map<Integer, List<ChildRow>> byParent = new HashMap<>(parents.size() * 2);
        for (ChildRow child : children) {
            byParent.computeIfAbsent(child.parentId(), id -> new ArrayList<>()).add(child);
        }
        long sum = 0;
        for (ParentRow parent : parents) {
            List<ChildRow> own = byParent.getOrDefault(parent.id(), List.of());
            long childrenSum = 0;
            for (ChildRow child : own) {
                childrenSum += Dataset.child(child.id(), child.parentId(), child.position(), child.label());
            }
            sum += Dataset.parent(parent.id(), parent.name(), childrenSum, own.size());
        }
        return sum;
    }
}
