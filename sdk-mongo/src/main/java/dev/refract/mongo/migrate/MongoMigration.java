package dev.refract.mongo.migrate;

import dev.refract.mongo.schema.SchemaStep;
import java.nio.file.Path;
import java.util.List;

/**
 * One migration of a MongoDB datasource: the directory {@code <yyyyMMddHHmmss>_<name>} and the
 * commands of its {@code migration.json}.
 *
 * @param name     the directory's name, e.g. {@code 20240612093000_add_sessions}; the history records it
 * @param file     the {@code migration.json} file
 * @param steps    its commands, in order
 * @param checksum the SHA-256 of the file's bytes with line endings made {@code \n}, as 64 hex digits
 */
public record MongoMigration(String name, Path file, List<SchemaStep> steps, String checksum) {

    public MongoMigration {
        steps = List.copyOf(steps);
    }
}
