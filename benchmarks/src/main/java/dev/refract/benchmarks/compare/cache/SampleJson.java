package dev.refract.benchmarks.compare.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.refract.benchmarks.compare.Dataset;
import dev.refract.benchmarks.compare.cachedb.Sample;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The hand-written contender's serialization of a record: a JSON object of its ten fields, written and
 * read with Jackson's streaming generator and parser, field by field, as a careful engineer caching
 * records in Redis by hand would, without a data-binding layer.
 */
final class SampleJson {

    private static final JsonFactory JSON = new JsonFactory();

    private SampleJson() {
    }

    /** The JSON of the seeded record {@code id}, with the values of {@link Dataset}. */
    static String seeded(int id) {
        StringWriter out = new StringWriter(192);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("id", id);
            json.writeStringField("name", Dataset.name(id));
            json.writeStringField("email", Dataset.email(id));
            json.writeStringField("category", Dataset.category(id));
            json.writeNumberField("quantity", Dataset.quantity(id));
            json.writeNumberField("counter", 0);
            json.writeNumberField("price", Dataset.price(id));
            json.writeNumberField("total", Dataset.total(id));
            json.writeBooleanField("active", Dataset.active(id));
            json.writeStringField("createdAt", Dataset.createdAt(id).toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The record {@code text} holds; fields it does not know are skipped, as a cache read after a release must. */
    static Sample read(String text) {
        int id = 0;
        String name = null;
        String email = null;
        String category = null;
        int quantity = 0;
        int counter = 0;
        double price = 0;
        long total = 0;
        boolean active = false;
        Instant createdAt = null;
        try (JsonParser json = JSON.createParser(text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("A cached sample is not a JSON object: " + text);
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "id" -> id = json.getIntValue();
                    case "name" -> name = json.getText();
                    case "email" -> email = json.getText();
                    case "category" -> category = value == JsonToken.VALUE_NULL ? null : json.getText();
                    case "quantity" -> quantity = json.getIntValue();
                    case "counter" -> counter = json.getIntValue();
                    case "price" -> price = json.getDoubleValue();
                    case "total" -> total = json.getLongValue();
                    case "active" -> active = json.getBooleanValue();
                    case "createdAt" -> createdAt = Instant.parse(json.getText());
                    default -> json.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Sample(id, name, email, category, quantity, counter, price, total, active, createdAt);
    }
}
