package dev.refract.mongo.migrate;

import dev.refract.mongo.schema.DatabaseSchema;
import dev.refract.mongo.schema.SchemaStep;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration history of one MongoDB datasource as its files hold it:
 * {@code migrations/<datasource>/<yyyyMMddHHmmss>_<name>/migration.json}, applied in the order of
 * the directory names (so by timestamp). Files beside the migration directories and hidden entries
 * are ignored.
 *
 * @param datasource the datasource's name in the schema
 * @param path       the datasource's directory, {@code migrations/<datasource>}
 * @param migrations the migrations in the order they apply
 */
public record MongoMigrationDirectory(String datasource, Path path, List<MongoMigration> migrations) {

    private static final Pattern NAME = Pattern.compile("\\d{14}_[A-Za-z0-9_-]+");

    public MongoMigrationDirectory {
        migrations = List.copyOf(migrations);
    }

    /**
     * Reads the migrations of {@code datasource} under {@code migrationsRoot}; none when it has no
     * directory yet. This reads files and blocks: call it before the reactive part.
     *
     * @throws MongoMigrationException naming the directory or file and how to fix it, when a directory
     *         is misnamed, or a {@code migration.json} is missing, not UTF-8 or no array of commands
     */
    public static MongoMigrationDirectory read(Path migrationsRoot, String datasource) {
        Path path = migrationsRoot.resolve(datasource);
        List<MongoMigration> migrations = new ArrayList<>();
        if (Files.isDirectory(path)) {
            List<Path> directories;
            try (Stream<Path> entries = Files.list(path)) {
                directories = entries.filter(entry -> !entry.getFileName().toString().startsWith("."))
                        .filter(Files::isDirectory).sorted().toList();
            } catch (IOException e) {
                throw new MongoMigrationException.DirectoryProblem("Could not list the migrations directory "
                        + path + ": " + e, e);
            }
            for (Path directory : directories) {
                migrations.add(migration(directory));
            }
        }
        return new MongoMigrationDirectory(datasource, path, migrations);
    }

    /** The migration in the directory named {@code name}, if there is one. */
    public Optional<MongoMigration> find(String name) {
        return migrations.stream().filter(migration -> migration.name().equals(name)).findFirst();
    }

    /**
     * The collections and indexes these migrations make, their steps replayed in order on an empty
     * database's description (see {@link DatabaseSchema#after}).
     */
    public DatabaseSchema replay() {
        return replay(migrations);
    }

    /** The collections and indexes {@code migrations} make, in the order given. */
    static DatabaseSchema replay(List<MongoMigration> migrations) {
        DatabaseSchema state = DatabaseSchema.EMPTY;
        for (MongoMigration migration : migrations) {
            for (SchemaStep step : migration.steps()) {
                state = state.after(step);
            }
        }
        return state;
    }

    private static MongoMigration migration(Path directory) {
        String name = directory.getFileName().toString();
        if (!NAME.matcher(name).matches()) {
            throw new MongoMigrationException.DirectoryProblem("The migration directory " + directory + " is not"
                    + " named <yyyyMMddHHmmss>_<name> (a 14-digit UTC timestamp, an underscore, then letters, digits,"
                    + " '_' or '-'), e.g. 20240612093000_add_sessions: rename it, or move it out of the migrations"
                    + " directory", null);
        }
        Path file = directory.resolve(MigrationFile.NAME);
        if (!Files.isRegularFile(file)) {
            throw new MongoMigrationException.DirectoryProblem("The migration directory " + directory + " has no "
                    + MigrationFile.NAME + ": put the migration's MongoDB commands there, or remove the directory",
                    null);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new MongoMigration(name, file, MigrationFile.read(text.startsWith("\uFEFF") ? text.substring(1) : text),
                    MigrationFile.checksum(bytes));
        } catch (CharacterCodingException e) {
            throw new MongoMigrationException.DirectoryProblem(file + " is not UTF-8 text: save it as UTF-8", e);
        } catch (IOException e) {
            throw new MongoMigrationException.DirectoryProblem("Could not read " + file + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw new MongoMigrationException.DirectoryProblem("The migration " + file + " cannot be read: "
                    + e.getMessage() + ". Fix the file", e);
        }
    }
}
