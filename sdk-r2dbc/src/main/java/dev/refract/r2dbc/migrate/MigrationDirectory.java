package dev.refract.r2dbc.migrate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migration history of one datasource as its files hold it:
 * {@code migrations/<datasource>/<yyyyMMddHHmmss>_<name>/migration.sql}, one directory per
 * migration, applied in the order of the directory names (so by timestamp). Each datasource of a
 * schema has its own directory and its own history. Files beside the migration directories (a
 * README, a lock file) and hidden entries are ignored.
 *
 * @param datasource the datasource's name in the schema
 * @param path       the datasource's directory, {@code migrations/<datasource>}
 * @param migrations the migrations in the order they apply
 */
public record MigrationDirectory(String datasource, Path path, List<Migration> migrations) {

    /** The script file in each migration directory. */
    public static final String SCRIPT = "migration.sql";

    private static final Pattern NAME = Pattern.compile("(\\d{14})_([A-Za-z0-9_-]+)");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int LONGEST_NAME = 255;

    public MigrationDirectory {
        migrations = List.copyOf(migrations);
    }

    /**
     * Reads the migrations of {@code datasource} under {@code migrationsRoot}. This reads files and
     * blocks: call it before the reactive part, or on a scheduler meant for blocking work
     * ({@code Mono.fromCallable(…).subscribeOn(Schedulers.boundedElastic())}), never on an event loop.
     *
     * @param migrationsRoot the {@code migrations} directory beside the schema
     * @param datasource     the datasource's name in the schema
     * @throws MigrationDirectoryException naming the directory or file and how to fix it, when the
     *         datasource's directory is missing, a directory in it is misnamed, or a script is
     *         missing, unreadable or not UTF-8
     */
    public static MigrationDirectory read(Path migrationsRoot, String datasource) {
        if (datasource.isEmpty() || datasource.contains("/") || datasource.contains("\\") || datasource.startsWith(".")) {
            throw new IllegalArgumentException("\"" + datasource + "\" is no datasource name: pass the name of a"
                    + " datasource block of the schema");
        }
        Path path = migrationsRoot.resolve(datasource);
        if (!Files.isDirectory(path)) {
            throw new MigrationDirectoryException(path, "The datasource " + datasource + " has no migrations directory "
                    + path + ": create it, with one directory <yyyyMMddHHmmss>_<name> holding a " + SCRIPT
                    + " per migration");
        }
        List<Path> directories = new ArrayList<>();
        try (Stream<Path> entries = Files.list(path)) {
            entries.filter(entry -> !entry.getFileName().toString().startsWith("."))
                    .filter(Files::isDirectory)
                    .sorted(Comparator.comparing(entry -> entry.getFileName().toString()))
                    .forEach(directories::add);
        } catch (IOException e) {
            throw new MigrationDirectoryException(path, "Could not list the migrations directory " + path + ": " + e, e);
        }
        List<Migration> migrations = new ArrayList<>(directories.size());
        for (Path directory : directories) {
            migrations.add(migration(directory));
        }
        return new MigrationDirectory(datasource, path, migrations);
    }

    /** The migration in the directory named {@code name}, if there is one. */
    public Optional<Migration> find(String name) {
        return migrations.stream().filter(migration -> migration.name().equals(name)).findFirst();
    }

    private static Migration migration(Path directory) {
        String name = directory.getFileName().toString();
        Matcher matcher = NAME.matcher(name);
        if (!matcher.matches() || name.length() > LONGEST_NAME) {
            throw new MigrationDirectoryException(directory, "The migration directory " + directory + " is not named"
                    + " <yyyyMMddHHmmss>_<name> (a 14-digit UTC timestamp, an underscore, then letters, digits, '_' or"
                    + " '-', at most " + LONGEST_NAME + " characters in all), e.g. 20240612093000_add_orders: rename it,"
                    + " or move it out of the migrations directory");
        }
        try {
            LocalDateTime.parse(matcher.group(1), TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw new MigrationDirectoryException(directory, "The migration directory " + directory + " starts with "
                    + matcher.group(1) + ", which is no date and time in the form yyyyMMddHHmmss: rename it with the"
                    + " time the migration was written, e.g. 20240612093000_" + matcher.group(2), e);
        }
        Path script = directory.resolve(SCRIPT);
        if (!Files.isRegularFile(script)) {
            throw new MigrationDirectoryException(script, "The migration directory " + directory + " has no " + SCRIPT
                    + ": put the migration's SQL there, or remove the directory");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(script);
        } catch (IOException e) {
            throw new MigrationDirectoryException(script, "Could not read " + script + ": " + e, e);
        }
        return new Migration(name, script, text(script, bytes), Checksums.of(bytes));
    }

    /** The script's text, strictly UTF-8, without a leading byte order mark. */
    private static String text(Path script, byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new MigrationDirectoryException(script, script + " is not UTF-8 text: save it as UTF-8", e);
        }
    }
}
