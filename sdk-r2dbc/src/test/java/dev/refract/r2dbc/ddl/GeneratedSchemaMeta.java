package dev.refract.r2dbc.ddl;

import dev.refract.codegen.generate.GeneratedFile;
import dev.refract.codegen.generate.JavaGenerator;
import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import dev.refract.codegen.validate.ValidationResult;
import dev.refract.meta.SchemaMeta;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The {@link SchemaMeta} that the generator emits for a schema file: the schema is parsed,
 * validated and generated, and the generated metadata class is compiled and its {@code SCHEMA}
 * constant read, so the tests push exactly what a generated client would carry.
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
            List<GeneratedFile> files = new JavaGenerator().generate(validated.definition());
            GeneratedFile metadata = files.stream()
                    .filter(f -> f.content().contains("public static final SchemaMeta SCHEMA")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no generated metadata class for " + schemaFile));
            return load(metadata);
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build the metadata of " + schemaFile, e);
        }
    }

    private static SchemaMeta load(GeneratedFile metadata) throws IOException, ReflectiveOperationException {
        Path sources = Files.createTempDirectory("refract-meta-src");
        Path classes = Files.createTempDirectory("refract-meta-classes");
        Path source = sources.resolve(metadata.relativePath());
        Files.createDirectories(source.getParent());
        Files.writeString(source, metadata.content());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = compiler.run(null, errors, errors, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), source.toString());
        if (status != 0) {
            throw new IllegalStateException("the generated metadata does not compile:\n"
                    + errors.toString(StandardCharsets.UTF_8));
        }
        String className = metadata.relativePath().replace(".java", "").replace('/', '.');
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                GeneratedSchemaMeta.class.getClassLoader())) {
            return (SchemaMeta) loader.loadClass(className).getField("SCHEMA").get(null);
        }
    }

    /** The repository root: the test runs in the module's folder, one level below it. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.exists(here.resolve("codegen")) ? here : here.getParent();
    }
}
