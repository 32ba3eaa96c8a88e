package dev.refract.codegen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The {@code --schema FILE} option shared by the subcommands. Without it, the schema is
 * {@code schema.prisma} in the working directory, else {@code prisma/schema.prisma}.
 */
final class SchemaOption {

    /** Where the schema is looked for when {@code --schema} is not given, in order. */
    static final List<Path> DEFAULT_LOCATIONS = List.of(Path.of("schema.prisma"), Path.of("prisma", "schema.prisma"));

    @Option(names = "--schema", paramLabel = "FILE",
            description = "The schema file (default: schema.prisma, else prisma/schema.prisma).")
    private Path schema;

    /**
     * The schema file to work on, absolute.
     *
     * @throws UsageException when the file given does not exist, or no default location holds one
     */
    Path resolve(Path workingDirectory) {
        if (schema != null) {
            Path resolved = workingDirectory.resolve(schema).normalize();
            if (!Files.exists(resolved)) {
                throw new UsageException("Schema file not found: " + resolved + ". Check the path given to --schema.");
            }
            if (Files.isDirectory(resolved)) {
                throw new UsageException("The schema path " + resolved + " is a directory; pass the schema file to"
                        + " --schema, e.g. --schema " + workingDirectory.relativize(resolved).resolve("schema.prisma") + ".");
            }
            return resolved;
        }
        for (Path candidate : DEFAULT_LOCATIONS) {
            Path resolved = workingDirectory.resolve(candidate);
            if (Files.isRegularFile(resolved)) {
                return resolved;
            }
        }
        throw new UsageException("No schema file: neither schema.prisma nor prisma/schema.prisma exists in "
                + workingDirectory + ". Pass --schema FILE.");
    }

    /** The command line was used wrongly; the message says how to fix it. */
    static final class UsageException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
