package dev.refract.redis.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * A list field: a JSON array of its elements' stored texts, each element through the element
 * type's codec, so a list of decimals or instants keeps every element exact.
 */
final class ListCodec implements FieldCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FieldCodec element;

    ListCodec(FieldCodec element) {
        this.element = element;
    }

    @Override
    public String encode(Object value) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Object item : (List<?>) value) {
            if (item == null) {
                throw new IllegalArgumentException("A list field cannot hold null elements");
            }
            array.add(element.encode(item));
        }
        return array.toString();
    }

    @Override
    public Object decode(String text) {
        try {
            JsonNode array = MAPPER.readTree(text);
            List<Object> values = new ArrayList<>(array.size());
            for (JsonNode item : array) {
                values.add(element.decode(item.asText()));
            }
            return List.copyOf(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored list is not a JSON array: " + e.getOriginalMessage(), e);
        }
    }
}
