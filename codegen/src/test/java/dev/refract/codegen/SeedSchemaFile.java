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

    /**
     * The file's text without the model Session, and without ContentItem's relation to it (its field, its
     * foreign key and their comment): still a valid schema, with one model less.
     */
    public static String textWithoutSession() throws IOException {
        String text = text();
        int session = text.indexOf("/// A signed-in user's session");
        if (session < 0) {
            throw new IllegalStateException("the seed schema no longer declares the model Session after its comment");
        }
        StringBuilder kept = new StringBuilder();
        for (String line : text.substring(0, session).split("\n", -1)) {
            String code = line.strip();
            boolean relation = code.startsWith("session ") || code.startsWith("sessionId ")
                    || code.startsWith("/// The user session");
            if (!relation) {
                kept.append(line).append('\n');
            }
        }
        return kept.substring(0, kept.length() - 1);
    }
}
