package dev.refract.r2dbc.ddl;

import dev.refract.codegen.generate.RuntimeMetadata;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import dev.refract.codegen.validate.ValidationResult;
import dev.refract.meta.SchemaMeta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@link SchemaMeta} a generated client of a schema file carries, built from the file by
 * {@link RuntimeMetadata} (which the generator writes into the client, so the tests push exactly
 * what a client would carry).
 */
public final class GeneratedSchemaMeta {

    private GeneratedSchemaMeta() {
    }

    /** The metadata of the schema at {@code schemaFile}, a path relative to the repository root (or absolute). */
    public static SchemaMeta of(String schemaFile) {
        try {
            Path file = repositoryRoot().resolve(schemaFile);
            ParseResult parsed = SchemaParser.parse(new SourceFile(schemaFile, Files.readString(file)));
            if (parsed.hasErrors()) {
                throw new IllegalStateException(schemaFile + " does not parse: " + parsed.diagnostics());
            }
            ValidationResult validated = SchemaValidator.validate(parsed.schema());
            if (validated.hasErrors()) {
                throw new IllegalStateException(schemaFile + " does not validate: " + validated.diagnostics());
            }
            return RuntimeMetadata.of(validated.definition());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema " + schemaFile, e);
        }
    }

    /** The repository root: the test runs in the module's folder, one level below it. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("codegen")) ? here : here.getParent();
    }
}
