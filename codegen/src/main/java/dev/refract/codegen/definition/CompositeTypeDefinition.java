package dev.refract.codegen.definition;

import java.util.List;

/** A composite {@code type} block: fields embedded in a document. */
public record CompositeTypeDefinition(String name, String doc, List<FieldDefinition> fields) {

    public CompositeTypeDefinition {
        fields = List.copyOf(fields);
    }
}
