package dev.refract.meta;

import java.util.List;
import java.util.Objects;

/**
 * A composite {@code type} of the schema: the fields of an embedded document. A composite value
 * crosses the SPI as a nested row with one position per field, in this order.
 *
 * @param name   the type's name in the schema
 * @param fields its fields in declaration order
 */
public record CompositeMeta(String name, List<FieldMeta> fields) {

    public CompositeMeta {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
    }
}
