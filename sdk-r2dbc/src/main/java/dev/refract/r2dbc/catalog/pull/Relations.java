package dev.refract.r2dbc.catalog.pull;

import dev.refract.r2dbc.catalog.Catalog.ForeignKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The relation fields of the foreign keys between written models: on the model holding the key, a
 * field of the referenced model with {@code @relation(fields, references, onDelete, onUpdate)}; on the
 * referenced model, the field back (a list named in the plural, or an optional one when the key's
 * columns are unique).
 * Where two relations join the same pair of models, or a model to itself, each gets the foreign key's
 * name as its relation name and its back field says which it is ({@code messagesBySender}). A foreign
 * key that references columns which are no key of their table joins no models: its columns stay plain
 * fields.
 */
final class Relations {

    /** A foreign key between two written models. */
    private record Link(Model child, ForeignKey key, Model parent) {

        String pair() {
            return child.name().compareTo(parent.name()) <= 0 ? child.name() + "\n" + parent.name()
                    : parent.name() + "\n" + child.name();
        }
    }

    private final List<Link> links = new ArrayList<>();
    private final Map<String, Integer> linksPerPair = new HashMap<>();

    Relations(Map<String, Model> modelsByTable) {
        for (Model child : modelsByTable.values()) {
            for (ForeignKey key : child.table().foreignKeys()) {
                Model parent = modelsByTable.get(key.referencedTable());
                if (parent != null && child.hasColumns(key.columns()) && parent.hasColumns(key.referencedColumns())
                        && parent.isUniqueKey(key.referencedColumns())) {
                    Link link = new Link(child, key, parent);
                    links.add(link);
                    linksPerPair.merge(link.pair(), 1, Integer::sum);
                }
            }
        }
    }

    /** Adds the relation fields of every link to its two models. */
    void addTo() {
        for (Link link : links) {
            Model child = link.child();
            Model parent = link.parent();
            ForeignKey key = link.key();
            boolean named = child == parent || linksPerPair.get(link.pair()) > 1;
            List<String> fields = child.fieldsOf(key.columns());
            String field = child.freeField(relationFieldName(fields, parent));
            StringBuilder attribute = new StringBuilder("@relation(");
            if (named) {
                attribute.append(SchemaNames.quoted(key.name())).append(", ");
            }
            attribute.append("fields: ").append(SchemaWriter.fieldList(fields))
                    .append(", references: ").append(SchemaWriter.fieldList(parent.fieldsOf(key.referencedColumns())))
                    .append(", onDelete: ").append(key.onDelete().schemaName())
                    .append(", onUpdate: ").append(key.onUpdate().schemaName()).append(')');
            child.addRelationLine(field + " " + parent.name() + (child.anyNullable(key.columns()) ? "?" : "") + " "
                    + attribute);
            boolean oneToOne = child.isUniqueKey(key.columns());
            String childName = SchemaNames.camel(child.name());
            String back = childName + (oneToOne || childName.endsWith("s") ? "" : "s")
                    + (named ? "By" + Character.toUpperCase(field.charAt(0)) + field.substring(1) : "");
            parent.addBackRelationLine(parent.freeField(back) + " " + child.name() + (oneToOne ? "?" : "[]")
                    + (named ? " @relation(" + SchemaNames.quoted(key.name()) + ")" : ""));
        }
    }

    /** {@code author} for the key field {@code authorId}; otherwise the referenced model's name in camelCase. */
    private static String relationFieldName(List<String> fields, Model parent) {
        if (fields.size() == 1) {
            String field = fields.get(0);
            for (String suffix : List.of("Id", "ID", "_id")) {
                if (field.length() > suffix.length() && field.endsWith(suffix)) {
                    return field.substring(0, field.length() - suffix.length());
                }
            }
        }
        return SchemaNames.camel(parent.name());
    }
}
