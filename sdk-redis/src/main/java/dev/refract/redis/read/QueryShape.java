package dev.refract.redis.read;

import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.redis.filter.Values;
import dev.refract.redis.record.StoredModel;
import dev.refract.redis.record.StoredRecord;
import dev.refract.spi.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies the rest of a read on the client, after the filter: cursor, distinct, order, skip, take,
 * in the order the SQL adapters apply them. A read without order, cursor or distinct streams
 * through (skip and take count as records arrive, in scan order); any of those collects the
 * matching records first, as sorting needs them all.
 */
public final class QueryShape {

    private QueryShape() {
    }

    /**
     * The records of {@code query} among {@code matching} (which passed the filter).
     *
     * @param cursorRecord the cursor's record when the query has a cursor (empty: no rows), else ignored
     */
    public static Flux<StoredRecord> apply(StoredModel model, Query query, Flux<StoredRecord> matching,
            Flux<StoredRecord> cursorRecord) {
        boolean needsAll = !query.orderBy().isEmpty() || query.cursor() != null || !query.distinct().isEmpty();
        if (!needsAll) {
            Flux<StoredRecord> paged = matching.skip(query.skip());
            return query.take() == null ? paged : paged.take(query.take(), true);
        }
        Comparator<StoredRecord> order = RecordOrder.of(query.orderBy(), model.meta().id().fields(), model.filters(),
                record -> record::get, key -> RecordOrder.fieldPosition(key, model.name()));
        Mono<List<StoredRecord>> all = matching.collectSortedList(order);
        Flux<StoredRecord> sorted;
        if (query.cursor() != null) {
            sorted = cursorRecord.next().flatMapMany(cursor -> all.flatMapMany(records -> Flux.fromIterable(records)
                    .filter(record -> order.compare(record, cursor) >= 0)));
        } else {
            sorted = all.flatMapMany(Flux::fromIterable);
        }
        if (!query.distinct().isEmpty()) {
            sorted = distinct(sorted, query.distinct());
        }
        Flux<StoredRecord> paged = sorted.skip(query.skip());
        return query.take() == null ? paged : paged.take(query.take(), true);
    }

    private static Flux<StoredRecord> distinct(Flux<StoredRecord> records, List<Integer> fields) {
        return Flux.defer(() -> {
            Set<List<Object>> seen = new HashSet<>();
            return records.filter(record -> {
                List<Object> key = new ArrayList<>(fields.size());
                for (int field : fields) {
                    Object value = record.get(field);
                    key.add(value == null ? null : Values.groupKey(value));
                }
                return seen.add(key);
            });
        });
    }

    /**
     * The row of {@code record} under {@code selection}: every stored field, or only the selected
     * ones, the rest {@code null}; {@code extra} more positions after the fields, left {@code null}.
     */
    public static Object[] row(StoredModel model, StoredRecord record, Selection selection, int extra) {
        int width = model.meta().fieldCount() + extra;
        Object[] values = new Object[width];
        if (selection.allFields()) {
            System.arraycopy(record.values(), 0, values, 0, model.meta().fieldCount());
        } else {
            for (int field : selection.fields()) {
                values[field] = record.get(field);
            }
        }
        return values;
    }

    /** {@link #row} as a {@link Row}. */
    public static Row toRow(StoredModel model, StoredRecord record, Selection selection) {
        return Row.wrap(row(model, record, selection, 0));
    }
}
