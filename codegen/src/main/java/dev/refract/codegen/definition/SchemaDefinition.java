package dev.refract.codegen.definition;

import java.util.List;
import java.util.Optional;

/**
 * A whole valid schema.
 *
 * @param datasources    in declaration order; a datasource's {@code index} is its position here
 * @param generator      the {@code refract-java} generator block
 * @param models         models in declaration order, without {@code @@ignore}d ones
 * @param enums          enums in declaration order
 * @param compositeTypes {@code type} blocks in declaration order
 */
public record SchemaDefinition(List<DatasourceDefinition> datasources, GeneratorDefinition generator,
        List<ModelDefinition> models, List<EnumDefinition> enums, List<CompositeTypeDefinition> compositeTypes) {

    public SchemaDefinition {
        datasources = List.copyOf(datasources);
        models = List.copyOf(models);
        enums = List.copyOf(enums);
        compositeTypes = List.copyOf(compositeTypes);
    }

    /** The model named {@code name}. */
    public Optional<ModelDefinition> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The enum named {@code name}. */
    public Optional<EnumDefinition> enumNamed(String name) {
        return enums.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The composite type named {@code name}. */
    public Optional<CompositeTypeDefinition> compositeType(String name) {
        return compositeTypes.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The datasource named {@code name}. */
    public Optional<DatasourceDefinition> datasource(String name) {
        return datasources.stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
