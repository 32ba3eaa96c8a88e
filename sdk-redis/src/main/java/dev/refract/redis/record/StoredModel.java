package dev.refract.redis.record;

import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldKind;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import dev.refract.query.Filter;
import dev.refract.redis.codec.CodecRegistry;
import dev.refract.redis.codec.FieldCodec;
import dev.refract.redis.filter.FilterEvaluator;
import dev.refract.redis.key.KeyLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model as Redis stores it, in one place: its {@link KeyLayout}, the codec of each stored field,
 * its unique keys as the scripts keep them, and the conversion of a record between its positional
 * Java values and the hash fields stored. Relation fields are stored nowhere; a field holding no
 * value has no hash field.
 */
public final class StoredModel {

    private final ModelMeta model;
    private final KeyLayout keys;
    private final FieldCodec[] codecs;
    private final List<UniqueIndex> uniques;
    private final FilterEvaluator filters;
    private final Map<String, Integer> byDbName;
    private final List<List<String>> enumOrders;

    /** One unique key other than the id, as its index keys are named and built. */
    public record UniqueIndex(KeyMeta key, String name, List<Integer> fields) {}

    /**
     * The stored form of {@code model} under key prefix {@code prefix}.
     *
     * @throws IllegalArgumentException when the model has a field Redis cannot store
     */
    public StoredModel(SchemaMeta schema, ModelMeta model, String prefix, CodecRegistry registry) {
        this.model = model;
        this.keys = new KeyLayout(prefix, model);
        this.codecs = new FieldCodec[model.fieldCount()];
        this.byDbName = new HashMap<>();
        List<List<String>> enumOrders = new ArrayList<>();
        for (int i = 0; i < model.fieldCount(); i++) {
            FieldMeta field = model.field(i);
            enumOrders.add(field.kind() == FieldKind.ENUM ? enumValues(schema, field.typeName()) : null);
            if (!field.isRelation()) {
                try {
                    codecs[i] = registry.codec(field);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Model " + model.name() + " cannot live in Redis: "
                            + e.getMessage() + ". Move the model to a MongoDB datasource, or store the value as Json",
                            e);
                }
                byDbName.put(field.dbName(), i);
            }
        }
        List<UniqueIndex> indexes = new ArrayList<>();
        for (KeyMeta unique : model.uniques()) {
            indexes.add(new UniqueIndex(unique, KeyLayout.indexName(model, unique), unique.fields()));
        }
        this.uniques = List.copyOf(indexes);
        this.enumOrders = enumOrders;
        this.filters = new FilterEvaluator(model.name(), i -> model.field(i).name(), enumOrders::get);
    }

    private static List<String> enumValues(SchemaMeta schema, String name) {
        for (EnumMeta meta : schema.enums()) {
            if (meta.name().equals(name)) {
                return meta.dbValues();
            }
        }
        return null;
    }

    /** The model. */
    public ModelMeta meta() {
        return model;
    }

    /** The model's name, for errors. */
    public String name() {
        return model.name();
    }

    /** Where its keys are. */
    public KeyLayout keys() {
        return keys;
    }

    /** Its unique keys other than the id. */
    public List<UniqueIndex> uniques() {
        return uniques;
    }

    /** Evaluates filters on its records. */
    public FilterEvaluator filters() {
        return filters;
    }

    /** The database values of the enum at {@code field} in declaration order, or {@code null} when it is no enum. */
    public List<String> enumOrder(int field) {
        return enumOrders.get(field);
    }

    /** True when the field at {@code field} is stored (not a relation field). */
    public boolean stored(int field) {
        return codecs[field] != null;
    }

    /** True when the field at {@code field} is a decimal, whose index text drops trailing zeros. */
    public boolean decimal(int field) {
        FieldMeta meta = model.field(field);
        return meta.kind() == FieldKind.SCALAR && meta.scalarType() == ScalarType.DECIMAL && !meta.isList();
    }

    /** The stored text of {@code value} at {@code field}; {@code null} stays {@code null}. */
    public String encode(int field, Object value) {
        return value == null ? null : codecs[field].encode(value);
    }

    /** The Java value of stored text {@code text} at {@code field}; {@code null} stays {@code null}. */
    public Object decode(int field, String text) {
        return text == null ? null : codecs[field].decode(text);
    }

    /** The text unique indexes compare for stored text {@code text} at {@code field}. */
    public String indexText(int field, String text) {
        return codecs[field].indexText(text);
    }

    /** The hash fields of a record whose values by position {@code values} holds; no entry for {@code null}. */
    public Map<String, String> encodeRecord(Object[] values) {
        Map<String, String> hash = new LinkedHashMap<>();
        for (int i = 0; i < values.length && i < codecs.length; i++) {
            if (codecs[i] != null && values[i] != null) {
                hash.put(model.field(i).dbName(), codecs[i].encode(values[i]));
            }
        }
        return hash;
    }

    /** The record stored as {@code hash} under id text {@code id}. */
    public StoredRecord read(String id, Map<String, String> hash) {
        Object[] values = new Object[model.fieldCount()];
        String[] texts = new String[model.fieldCount()];
        for (Map.Entry<String, String> entry : hash.entrySet()) {
            Integer position = byDbName.get(entry.getKey());
            if (position != null) {
                texts[position] = entry.getValue();
                values[position] = codecs[position].decode(entry.getValue());
            }
        }
        return new StoredRecord(id, values, texts);
    }

    /** The id text of the record whose values by position {@code values} holds, or {@code null} when part is missing. */
    public String idText(Object[] values) {
        return keyText(model.id().fields(), values, false);
    }

    /** The index text of unique key {@code fields} for a record's values, or {@code null} when part is missing. */
    public String uniqueText(List<Integer> fields, Object[] values) {
        return keyText(fields, values, true);
    }

    private String keyText(List<Integer> fields, Object[] values, boolean index) {
        List<String> parts = new ArrayList<>(fields.size());
        for (int field : fields) {
            Object value = values[field];
            if (value == null) {
                return null;
            }
            String text = codecs[field].encode(value);
            parts.add(index ? codecs[field].indexText(text) : text);
        }
        return KeyLayout.idText(parts);
    }

    /**
     * The direct look-up a filter names, if it names one: a conjunction of {@code equals} comparisons
     * (case-sensitive) covering every field of the id, or of a unique key. Other conditions of the
     * conjunction are checked on the record read.
     *
     * @return the look-up, or {@code null} when the filter needs a scan
     */
    public Lookup lookup(Filter filter) {
        Map<Integer, Object> equalities = new HashMap<>();
        collectEqualities(filter, equalities);
        if (equalities.isEmpty()) {
            return null;
        }
        Object[] values = new Object[model.fieldCount()];
        equalities.forEach((field, value) -> values[field] = value);
        if (equalities.keySet().containsAll(model.id().fields())) {
            return new Lookup(null, idText(values));
        }
        for (UniqueIndex unique : uniques) {
            if (equalities.keySet().containsAll(unique.fields())) {
                return new Lookup(unique, uniqueText(unique.fields(), values));
            }
        }
        return null;
    }

    private void collectEqualities(Filter filter, Map<Integer, Object> equalities) {
        if (filter instanceof Filter.And and) {
            for (Filter part : and.filters()) {
                collectEqualities(part, equalities);
            }
        } else if (filter instanceof Filter.Comparison comparison && comparison.operator() == Filter.Operator.EQUALS
                && comparison.mode() == Filter.Mode.DEFAULT && stored(comparison.field())
                && !model.field(comparison.field()).isList()) {
            equalities.put(comparison.field(), comparison.value());
        }
    }

    /** The positions of the fields {@code filter} reads, in the order it names them. */
    public java.util.Set<Integer> fieldsRead(Filter filter) {
        java.util.Set<Integer> fields = new java.util.LinkedHashSet<>();
        collectFields(filter, fields);
        return fields;
    }

    private static void collectFields(Filter filter, java.util.Set<Integer> fields) {
        if (filter instanceof Filter.And and) {
            and.filters().forEach(part -> collectFields(part, fields));
        } else if (filter instanceof Filter.Or or) {
            or.filters().forEach(part -> collectFields(part, fields));
        } else if (filter instanceof Filter.Not not) {
            collectFields(not.filter(), fields);
        } else if (filter instanceof Filter.Comparison comparison) {
            fields.add(comparison.field());
        } else if (filter instanceof Filter.IsNull isNull) {
            fields.add(isNull.field());
        } else if (filter instanceof Filter.FieldComparison both) {
            fields.add(both.field());
            fields.add(both.otherField());
        } else if (filter instanceof Filter.JsonPath path) {
            fields.add(path.field());
        }
    }

    /**
     * A direct look-up: by id text when {@code unique} is {@code null}, else by the index text of
     * {@code unique}.
     */
    public record Lookup(UniqueIndex unique, String text) {}
}
