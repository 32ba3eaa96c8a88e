package dev.refract.codegen;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seed schema, examples/ai-pipeline/schema.prisma, as the tests of every package read it. */
public final class SeedSchemaFile {

    private static final String RELATIVE_PATH = "examples/ai-pipeline/schema.prisma";

    private SeedSchemaFile() {
    }

    /** The file, found above the working directory: tests run in the module, the examples sit at the repository root. */
    public static Path path() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_PATH);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(RELATIVE_PATH + " not found above " + Path.of("").toAbsolutePath());
    }

    /** The file's text. */
    public static String text() throws IOException {
        return Files.readString(path());
    }
}
