package dev.refract.mongo.schema;

import dev.refract.codegen.generate.RuntimeMetadata;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import dev.refract.codegen.validate.ValidationResult;
import dev.refract.meta.SchemaMeta;

/** The runtime metadata of schema texts with one MongoDB datasource, as a generated client carries it. */
public final class TestSchemas {

    private TestSchemas() {
    }

    /** The metadata of a schema holding a MongoDB datasource {@code docs} at {@code url} and then {@code models}. */
    public static SchemaMeta mongo(String url, String models) {
        return of("datasource docs {\n  provider = \"mongodb\"\n  url = \"" + url + "\"\n}\n\ngenerator client {\n  provider = \"refract-java\"\n  package = \"com.example.db\"\n}\n\n" + models);
    }

    /** The metadata of the schema {@code text}, which must be valid. */
    public static SchemaMeta of(String text) {
        ParseResult parsed = SchemaParser.parse(new SourceFile("schema.prisma", text));
        if (parsed.hasErrors()) {
            throw new IllegalStateException("the test schema does not parse: " + parsed.diagnostics());
        }
        ValidationResult validated = SchemaValidator.validate(parsed.schema());
        if (validated.hasErrors()) {
            throw new IllegalStateException("the test schema does not validate: " + validated.diagnostics());
        }
        return RuntimeMetadata.of(validated.definition());
    }
}
