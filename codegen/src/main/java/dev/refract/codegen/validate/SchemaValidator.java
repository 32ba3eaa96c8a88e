package dev.refract.codegen.validate;

import dev.refract.codegen.ast.Schema;
import dev.refract.codegen.definition.SchemaDefinition;

/**
 * Checks a parsed schema and resolves it into a {@link SchemaDefinition}.
 *
 * <p>Every rule runs over the whole file, so that all problems are reported at once, each with the
 * spot it is about and a hint. Only when no rule reports an error is the schema resolved; warnings
 * (an ignored generator, a Prisma-only property) do not stop it. Never throws on bad input.
 */
public final class SchemaValidator {

    private SchemaValidator() {
    }

    /**
     * Validates {@code schema}.
     *
     * @return the definition and every diagnostic in source order; the definition is {@code null}
     *         when there is at least one error
     */
    public static ValidationResult validate(Schema schema) {
        Diagnostics diagnostics = new Diagnostics(schema.file());
        SchemaIndex index = new SchemaIndex(schema);
        new DatasourceRules(diagnostics).check(index);
        new GeneratorRules(diagnostics).check(index);
        new NameRules(diagnostics).check(index);
        new TypeRules(diagnostics).check(index);
        new AttributeRules(diagnostics).check(index);
        new KeyRules(diagnostics).check(index);
        RelationGraph relations = new RelationGraph(index);
        new RelationRules(diagnostics).check(index, relations);
        new ReferentialActionRules(diagnostics).check(index, relations);
        new DefaultRules(diagnostics, index).check();
        new ProviderRules(diagnostics, index).check();
        new TtlIndexRules(diagnostics, index).check();
        new ExpiresAtRules(diagnostics, index).check();
        SchemaDefinition definition = diagnostics.hasErrors() ? null
                : new DefinitionResolver(index, relations).resolve();
        return new ValidationResult(definition, diagnostics.inSourceOrder());
    }
}
