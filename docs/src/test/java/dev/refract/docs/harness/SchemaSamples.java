package dev.refract.docs.harness;

import dev.refract.codegen.parse.ParseResult;
import dev.refract.codegen.parse.SchemaParser;
import dev.refract.codegen.source.Diagnostic;
import dev.refract.codegen.source.SourceFile;
import dev.refract.codegen.validate.SchemaValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates the schema samples of the guide with the schema validator. A sample that declares a
 * datasource is a whole schema and is validated as it is. A sample that declares none is a fragment:
 * its declarations are put into one of the guide's schemas ({@code src/test/schemas/NAME.prisma},
 * {@code pipeline} unless the block's marker says {@code schema: NAME}), replacing those of the same
 * kind and name, and that schema is validated.
 */
public final class SchemaSamples {

    private static final Pattern DECLARATION = Pattern.compile("^(datasource|generator|model|enum|type|view)\\s+(\\w+)\\s*\\{.*$");
    private static final Pattern BASE = Pattern.compile("schema:\\s*([\\w-]+)");

    private final Path schemas;

    /** Samples that are fragments are completed from the schemas in {@code schemas}. */
    public SchemaSamples(Path schemas) {
        this.schemas = schemas;
    }

    /** The errors and warnings the parser and the validator report for {@code block}; no errors means valid. */
    public List<Diagnostic> check(FencedBlock block) {
        String text = String.join("\n", block.body()) + "\n";
        String schema = declarations(text).keySet().stream().anyMatch(k -> k.startsWith("datasource "))
                ? text
                : merged(read(baseOf(block)), text);
        ParseResult parsed = SchemaParser.parse(new SourceFile("sample.prisma", schema));
        if (parsed.hasErrors()) {
            return parsed.diagnostics();
        }
        return SchemaValidator.validate(parsed.schema()).errors();
    }

    private String baseOf(FencedBlock block) {
        Matcher matcher = BASE.matcher(block.marker());
        return matcher.find() ? matcher.group(1) : "pipeline";
    }

    private String read(String name) {
        Path file = schemas.resolve(name + ".prisma");
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a schema sample names the schema '" + name + "', but " + file
                    + " cannot be read; name one of the files in " + schemas, e);
        }
    }

    private static String merged(String base, String fragment) {
        Map<String, String> all = declarations(base);
        all.putAll(declarations(fragment));
        return String.join("\n", all.values());
    }

    /** The top-level declarations of {@code text} by kind and name, each with the comments right above it. */
    static Map<String, String> declarations(String text) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher declaration = DECLARATION.matcher(lines[i]);
            if (!declaration.matches()) {
                if (lines[i].startsWith("///")) {
                    pending.add(lines[i]);
                } else {
                    pending.clear();
                }
                continue;
            }
            List<String> body = new ArrayList<>(pending);
            pending.clear();
            body.add(lines[i]);
            if (!lines[i].stripTrailing().endsWith("}")) {
                while (++i < lines.length && !lines[i].startsWith("}")) {
                    body.add(lines[i]);
                }
                body.add("}");
            }
            found.put(declaration.group(1) + " " + declaration.group(2), String.join("\n", body) + "\n");
        }
        return found;
    }
}
