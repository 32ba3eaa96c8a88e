package dev.refract.example.webflux.json;

import dev.refract.json.Json;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes a {@link Json} field of a record (a run's {@code metadata}, a step's {@code output}) as the JSON
 * value it holds, not as an object describing it. Spring Boot registers every Jackson module bean with
 * the mapper of its HTTP codecs.
 */
public final class RefractJsonModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    /** A module that writes {@link Json} values as their canonical JSON text. */
    public RefractJsonModule() {
        super("refract-json");
        addSerializer(Json.class, new JsonValueSerializer());
    }

    /** Writes the value's canonical text as it is: it is valid JSON by construction. */
    private static final class JsonValueSerializer extends ValueSerializer<Json> {

        @Override
        public void serialize(Json value, JsonGenerator generator, SerializationContext context) {
            generator.writeRawValue(value.toString());
        }
    }
}
