package dev.refract.mongo.migrate;

import dev.refract.mongo.schema.SchemaStep;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonWriterSettings;

/**
 * The text of a {@code migration.json}: a JSON array (MongoDB Extended JSON, relaxed) of MongoDB
 * commands, one step per element, written one per line so that a review reads it as a list:
 *
 * <pre>{@code
 * [
 *   {"create": "Session"},
 *   {"createIndexes": "Session", "indexes": [{"key": {"expiresAt": 1}, "name": "Session_expiresAt_idx", "expireAfterSeconds": 3600}]}
 * ]
 * }</pre>
 */
public final class MigrationFile {

    /** The file of steps in each migration directory. */
    public static final String NAME = "migration.json";

    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private MigrationFile() {
    }

    /** The text of a migration of {@code steps}. */
    public static String write(List<SchemaStep> steps) {
        StringBuilder text = new StringBuilder("[\n");
        for (int i = 0; i < steps.size(); i++) {
            text.append("  ").append(steps.get(i).command().toJson(JSON)).append(i + 1 < steps.size() ? ",\n" : "\n");
        }
        return text.append("]\n").toString();
    }

    /**
     * The steps of a migration's text.
     *
     * @throws IllegalArgumentException saying what is wrong when the text is no JSON array of commands
     */
    public static List<SchemaStep> read(String text) {
        List<Document> commands;
        try {
            commands = Document.parse("{\"steps\": " + text + "\n}").getList("steps", Document.class);
        } catch (JsonParseException | ClassCastException e) {
            throw new IllegalArgumentException("it is not a JSON array of MongoDB commands, such as [{\"create\":"
                    + " \"User\"}] (" + e.getMessage() + ")", e);
        }
        if (commands == null) {
            throw new IllegalArgumentException("it is not a JSON array of MongoDB commands, such as [{\"create\":"
                    + " \"User\"}]");
        }
        return commands.stream().map(SchemaStep::of).toList();
    }

    /** The checksum of a migration file's bytes, line endings made {@code \n}. */
    public static String checksum(byte[] bytes) {
        ByteArrayOutputStream normalised = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\r') {
                normalised.write('\n');
                if (i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
            } else {
                normalised.write(bytes[i]);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This Java runtime has no SHA-256, which every Java runtime must have", e);
        }
    }
}
