package dev.refract.redis.key;

import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a model's data lives in Redis, in one place:
 *
 * <ul>
 *   <li>a record is a hash at {@code <prefix>:{<Model>}:<id>}; a compound id joins its escaped
 *       parts with {@code :} ({@link KeyText} escapes {@code :} inside a part, so the split is
 *       unambiguous);</li>
 *   <li>a unique key keeps an index string at {@code <prefix>:{<Model>}:<f1,f2>=<v1:v2>} holding the
 *       record's id text (a record key never holds a raw {@code =}).</li>
 * </ul>
 *
 * <p>The braces are a Redis Cluster hash tag: every key of a model falls in one hash slot, so that
 * a Lua script may change a record and its index keys together on a cluster too. A model's keys
 * therefore live on one master; the models of a schema spread over the cluster.
 */
public final class KeyLayout {

    private final String modelPrefix;

    /**
     * The layout of {@code model} under {@code prefix}, e.g. {@code app}.
     */
    public KeyLayout(String prefix, ModelMeta model) {
        Objects.requireNonNull(prefix, "prefix");
        this.modelPrefix = prefix + ":{" + model.dbName() + "}:";
    }

    /** What every key of the model starts with: {@code <prefix>:{<Model>}:}. */
    public String modelPrefix() {
        return modelPrefix;
    }

    /** The {@code SCAN MATCH} pattern of the model's keys (records and index keys alike). */
    public String scanPattern() {
        return KeyText.globLiteral(modelPrefix) + "*";
    }

    /** The id text of a record whose id fields hold the stored texts {@code idTexts}, in key order. */
    public static String idText(List<String> idTexts) {
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < idTexts.size(); i++) {
            if (i > 0) {
                id.append(':');
            }
            id.append(KeyText.escape(idTexts.get(i)));
        }
        return id.toString();
    }

    /** The stored texts of the id fields that {@code idText} names, in key order. */
    public static List<String> idParts(String idText) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int at = idText.indexOf(':'); at >= 0; at = idText.indexOf(':', from)) {
            parts.add(KeyText.unescape(idText.substring(from, at)));
            from = at + 1;
        }
        parts.add(KeyText.unescape(idText.substring(from)));
        return parts;
    }

    /** The key of the record whose id text is {@code idText}. */
    public String recordKey(String idText) {
        return modelPrefix + idText;
    }

    /** The id text of record key {@code key}, or {@code null} when it is not a record key of this model. */
    public String idTextOf(String key) {
        if (!key.startsWith(modelPrefix)) {
            return null;
        }
        String id = key.substring(modelPrefix.length());
        return id.indexOf('=') >= 0 || id.isEmpty() ? null : id;
    }

    /** The name a unique key's index keys carry: its fields' stored names joined by {@code ,}. */
    public static String indexName(ModelMeta model, KeyMeta key) {
        StringBuilder name = new StringBuilder();
        for (int field : key.fields()) {
            if (name.length() > 0) {
                name.append(',');
            }
            FieldMeta meta = model.field(field);
            name.append(meta.dbName());
        }
        return name.toString();
    }

    /** The index key of unique key {@code indexName} for the index texts {@code values}, in key order. */
    public String indexKey(String indexName, List<String> values) {
        return modelPrefix + indexName + "=" + idText(values);
    }

    /** The index key of unique key {@code indexName} whose escaped, joined index text is {@code text}. */
    public String indexKeyOfText(String indexName, String text) {
        return modelPrefix + indexName + "=" + text;
    }
}
