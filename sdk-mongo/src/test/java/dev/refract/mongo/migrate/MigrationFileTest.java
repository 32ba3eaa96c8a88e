package dev.refract.mongo.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.mongo.schema.IndexDefinition;
import dev.refract.mongo.schema.SchemaStep;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationFileTest {

    private static final List<SchemaStep> STEPS = List.of(new SchemaStep.CreateCollection("Session"),
            new SchemaStep.CreateIndex("Session", new IndexDefinition("Session_expiresAt_idx", List.of("expiresAt"),
                    false, 3600L, null)),
            new SchemaStep.DropIndex("Session", "Session_old_idx"));

    @Test
    void writesOneCommandALineAndReadsThemBack() {
        String text = MigrationFile.write(STEPS);

        assertThat(text).isEqualTo("""
                [
                  {"create": "Session"},
                  {"createIndexes": "Session", "indexes": [{"key": {"expiresAt": 1}, "name": "Session_expiresAt_idx", \
                "expireAfterSeconds": 3600}]},
                  {"dropIndexes": "Session", "index": "Session_old_idx"}
                ]
                """);
        assertThat(MigrationFile.read(text)).containsExactlyElementsOf(STEPS);
    }

    @Test
    void refusesTextThatIsNoArrayOfCommands() {
        assertThatThrownBy(() -> MigrationFile.read("{\"create\": \"A\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("it is not a JSON array of MongoDB commands");
        assertThatThrownBy(() -> MigrationFile.read("[1, 2]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("it is not a JSON array of MongoDB commands");
        assertThatThrownBy(() -> MigrationFile.read("[{}]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("An empty document is no MongoDB command");
    }

    @Test
    void theChecksumIgnoresLineEndingsAndNothingElse() {
        String checksum = MigrationFile.checksum("[\n  {\"create\": \"A\"}\n]\n".getBytes(StandardCharsets.UTF_8));

        assertThat(checksum).hasSize(64)
                .isEqualTo(MigrationFile.checksum("[\r\n  {\"create\": \"A\"}\r\n]\r\n".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(MigrationFile.checksum("[\n  {\"create\": \"B\"}\n]\n".getBytes(StandardCharsets.UTF_8)));
    }
}
