package dev.refract.example.webflux.json;

import dev.refract.json.Json;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TreeNode;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads and writes Refract's {@link Json} values (a run's {@code metadata}, a step's {@code output}) as
 * the JSON they hold, not as objects describing them. Spring Boot registers every Jackson module bean
 * with the mapper of its HTTP codecs, the test client's included.
 */
public final class RefractJsonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** A module that writes {@link Json} values as their canonical text and reads any JSON value into one. */
    public RefractJsonModule() {
        super("refract-json");
        addSerializer(Json.class, new JsonValueSerializer());
        addDeserializer(Json.class, new JsonValueDeserializer());
    }

    /** Writes the value's canonical text as it is: it is valid JSON by construction. */
    private static final class JsonValueSerializer extends ValueSerializer<Json> {

        @Override
        public void serialize(Json value, JsonGenerator generator, SerializationContext context) {
            generator.writeRawValue(value.toString());
        }
    }

    /** Reads the value at the parser, whatever its kind, as a tree, and keeps it as a {@link Json}. */
    private static final class JsonValueDeserializer extends ValueDeserializer<Json> {

        @Override
        public Json deserialize(JsonParser parser, DeserializationContext context) {
            TreeNode tree = parser.readValueAsTree();
            return Json.parse(tree.toString());
        }
    }
}
