package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Attribute;
import dev.refract.codegen.ast.Field;
import dev.refract.codegen.ast.Identifier;
import dev.refract.codegen.ast.ModelBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The keys of a model as written: its id and unique constraints, single-field and compound. */
final class Keys {

    private Keys() {
    }

    /** The {@code @id} field, when the model's primary key is that one field. */
    static Optional<Field> singleId(ModelBlock model) {
        if (!model.attributes("id").isEmpty()) {
            return Optional.empty();
        }
        return model.fields().stream().filter(f -> !SchemaIndex.isIgnored(f) && f.attribute("id").isPresent())
                .findFirst();
    }

    /** The field names of the primary key ({@code @id} or {@code @@id}), or empty when there is none. */
    static Optional<List<String>> primaryKey(ModelBlock model) {
        Optional<List<String>> compound = model.attributes("id").stream().findFirst()
                .flatMap(KeyRules::keyFields).map(Keys::names);
        return compound.or(() -> model.fields().stream()
                .filter(f -> !SchemaIndex.isIgnored(f) && f.attribute("id").isPresent()).findFirst()
                .map(f -> List.of(f.name().name())));
    }

    /** Every unique key of the model, the primary key included. */
    static List<List<String>> uniqueKeys(ModelBlock model) {
        List<List<String>> keys = new ArrayList<>();
        primaryKey(model).ifPresent(keys::add);
        for (Field field : model.fields()) {
            if (!SchemaIndex.isIgnored(field) && field.attribute("unique").isPresent()) {
                keys.add(List.of(field.name().name()));
            }
        }
        for (Attribute unique : model.attributes("unique")) {
            KeyRules.keyFields(unique).map(Keys::names).ifPresent(keys::add);
        }
        return keys;
    }

    /** True when {@code fields}, in any order, are exactly the fields of one unique key. */
    static boolean isUniqueKey(ModelBlock model, List<String> fields) {
        var wanted = new HashSet<>(fields);
        return uniqueKeys(model).stream().anyMatch(key -> key.size() == fields.size() && wanted.equals(new HashSet<>(key)));
    }

    private static List<String> names(List<Identifier> identifiers) {
        return identifiers.stream().map(Identifier::name).toList();
    }
}
