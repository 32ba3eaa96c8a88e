package dev.refract.r2dbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationDirectoryTest {

    @TempDir
    Path root;

    private Path write(String migration, String sql) throws IOException {
        Path directory = Files.createDirectories(root.resolve("db").resolve(migration));
        return Files.writeString(directory.resolve(MigrationDirectory.SCRIPT), sql);
    }

    @Test
    void readsTheMigrationsOfOneDatasourceInTimestampOrder() throws IOException {
        write("20240301000000_second", "CREATE TABLE b (id int);");
        write("20240101000000_first", "CREATE TABLE a (id int);");
        write("20240301000000_another-one", "CREATE TABLE c (id int);");
        Files.createDirectories(root.resolve("other").resolve("20230101000000_elsewhere"));
        Files.writeString(root.resolve("db").resolve("migration_lock.toml"), "provider = \"postgresql\"");
        Files.createDirectories(root.resolve("db").resolve(".cache"));

        MigrationDirectory directory = MigrationDirectory.read(root, "db");

        assertThat(directory.datasource()).isEqualTo("db");
        assertThat(directory.migrations()).extracting(Migration::name).containsExactly("20240101000000_first",
                "20240301000000_another-one", "20240301000000_second");
        Migration first = directory.migrations().get(0);
        assertThat(first.sql()).isEqualTo("CREATE TABLE a (id int);");
        assertThat(first.checksum()).isEqualTo(Checksums.of("CREATE TABLE a (id int);".getBytes(StandardCharsets.UTF_8)));
        assertThat(directory.find("20240301000000_second")).isPresent();
        assertThat(directory.find("20240301000000_third")).isEmpty();
    }

    @Test
    void aMisnamedDirectoryIsNamedWithTheExpectedForm() throws IOException {
        write("20240101000000_first", "SELECT 1;");
        write("add_users", "SELECT 1;");
        assertThatThrownBy(() -> MigrationDirectory.read(root, "db"))
                .isInstanceOf(MigrationDirectoryException.class)
                .hasMessageContaining("add_users").hasMessageContaining("<yyyyMMddHHmmss>_<name>")
                .hasMessageContaining("rename it");
    }

    @Test
    void aTimestampThatIsNoDateIsRefused() throws IOException {
        write("20241341000000_bad_month", "SELECT 1;");
        assertThatThrownBy(() -> MigrationDirectory.read(root, "db"))
                .isInstanceOf(MigrationDirectoryException.class)
                .hasMessageContaining("20241341000000").hasMessageContaining("yyyyMMddHHmmss");
    }

    @Test
    void aNameWithSpacesIsRefused() throws IOException {
        write("20240101000000_add users", "SELECT 1;");
        assertThatThrownBy(() -> MigrationDirectory.read(root, "db"))
                .isInstanceOf(MigrationDirectoryException.class).hasMessageContaining("add users");
    }

    @Test
    void aDirectoryWithoutItsScriptIsNamed() throws IOException {
        Files.createDirectories(root.resolve("db").resolve("20240101000000_empty"));
        assertThatThrownBy(() -> MigrationDirectory.read(root, "db"))
                .isInstanceOf(MigrationDirectoryException.class)
                .hasMessageContaining("20240101000000_empty").hasMessageContaining("has no migration.sql");
    }

    @Test
    void aScriptThatIsNotUtf8IsRefused() throws IOException {
        Path script = write("20240101000000_latin1", "");
        Files.write(script, new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xE9, '\''});
        assertThatThrownBy(() -> MigrationDirectory.read(root, "db"))
                .isInstanceOf(MigrationDirectoryException.class)
                .hasMessageContaining("20240101000000_latin1").hasMessageContaining("UTF-8");
    }

    @Test
    void aByteOrderMarkIsNoPartOfTheSql() throws IOException {
        Path script = write("20240101000000_bom", "");
        Files.write(script, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1'});
        assertThat(MigrationDirectory.read(root, "db").migrations().get(0).sql()).isEqualTo("SELECT 1");
    }

    @Test
    void aDatasourceWithoutADirectoryIsNamed() {
        assertThatThrownBy(() -> MigrationDirectory.read(root, "analytics"))
                .isInstanceOf(MigrationDirectoryException.class)
                .hasMessageContaining("analytics").hasMessageContaining("create it");
    }

    @Test
    void aDatasourceNameCannotLeaveTheMigrationsDirectory() {
        assertThatThrownBy(() -> MigrationDirectory.read(root, "../db"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../db");
    }
}
