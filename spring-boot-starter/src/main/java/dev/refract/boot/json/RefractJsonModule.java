package dev.refract.boot.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.refract.json.Json;
import dev.refract.relation.Relation;
import tools.jackson.databind.module.SimpleModule;

/**
 * The Jackson 3 module for Refract's types in generated records.
 *
 * <ul>
 *   <li>A {@link Json} value is written as the JSON it holds (an object, array, string, number,
 *       boolean or {@code null}), numbers exactly as they are, and any JSON value is read into one.
 *       A JSON {@code null} where a {@code Json} is expected reads as Java {@code null}, as for any
 *       other type: JSON text cannot tell a missing value from a JSON {@code null}.</li>
 *   <li>A {@link Relation} that was loaded is written as its value: the list of related records, the
 *       related record, or {@code null} for a to-one relation with no related record. A relation that
 *       was not loaded is left out of its record, so a client tells "not asked for" (absent) from
 *       "none" ({@code []} or {@code null}). Read back, a property that is present is a loaded
 *       relation and a property that is absent is a relation not loaded.</li>
 * </ul>
 *
 * Everything else of a generated record needs nothing from this module: enums are written by their
 * Java names, decimals as JSON numbers, dates as ISO-8601 text, bytes as Base64 text, the relation
 * counts as an object with a number per counted relation.
 */
public final class RefractJsonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** The module, named {@code refract}. */
    public RefractJsonModule() {
        super("refract");
        addSerializer(new JsonValueSerializer());
        addDeserializer(Json.class, new JsonValueDeserializer());
        addSerializer(new RelationSerializer());
        addDeserializer(Relation.class, new RelationDeserializer());
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        // "Empty" is what RelationSerializer says it is: not loaded. A loaded empty list is written.
        context.configOverride(Relation.class)
                .setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, null));
    }
}
