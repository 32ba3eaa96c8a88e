package dev.refract.r2dbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChecksumsTest {

    private static String checksum(String text) {
        return Checksums.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void isTheSha256OfTheBytesInHex() {
        assertThat(checksum("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(checksum("SELECT 1;\n")).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void lineEndingsDoNotCount() {
        String unix = checksum("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
        assertThat(checksum("CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n")).isEqualTo(unix);
        assertThat(checksum("CREATE TABLE a (id int);\rCREATE TABLE b (id int);\r")).isEqualTo(unix);
    }

    @Test
    void everyOtherByteCounts() {
        String original = checksum("CREATE TABLE a (id int);\n");
        assertThat(checksum("CREATE TABLE a (id int); \n")).isNotEqualTo(original);
        assertThat(checksum("CREATE TABLE a (id bigint);\n")).isNotEqualTo(original);
        assertThat(checksum("-- why\nCREATE TABLE a (id int);\n")).isNotEqualTo(original);
        assertThat(checksum("\n\nCREATE TABLE a (id int);\n")).as("a blank line is a change").isNotEqualTo(original);
    }
}
