package dev.refract.r2dbc.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.SchemaMeta;
import dev.refract.test.isolation.MysqlNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Pushes the MySQL copies of the types and relations test schemas into a MySQL or MariaDB database
 * through r2dbc-mysql, and reads {@code information_schema} back: every column with its type,
 * nullability and default, every key and index under Prisma's names, every foreign key with its
 * actions, InnoDB and {@code utf8mb4} throughout. A second push is refused without changing anything.
 */
@RefractTestDatabases
class MySqlSchemaPushIT {

    private static final SchemaMeta TYPES = com.example.types.mysql.db.RefractClientMetadata.SCHEMA;
    private static final SchemaMeta RELATIONS = com.example.relations.mysql.db.RefractClientMetadata.SCHEMA;

    @BeforeAll
    static void push(MysqlNamespace mysql) {
        ConnectionFactory connections = ConnectionFactories.get(mysql.r2dbcUrl());
        StepVerifier.create(DbPush.push(TYPES, 0, connections))
                .assertNext(report -> assertThat(report.tables()).containsExactly("Sample", "Maybe", "Native"))
                .verifyComplete();
        StepVerifier.create(DbPush.push(RELATIONS, 0, connections))
                .assertNext(report -> assertThat(report.tables()).contains("User", "_Follows", "_PostToTag"))
                .verifyComplete();
    }

    private static List<List<String>> rows(MysqlNamespace mysql, String sql, String... arguments) throws SQLException {
        try (Connection connection = mysql.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setString(i + 1, arguments[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int width = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>(width);
                    for (int i = 1; i <= width; i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /** {@code column -> "type NULL|NOT NULL default extra"} of a table, in column order. */
    private static Map<String, String> columns(MysqlNamespace mysql, String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        for (List<String> row : rows(mysql, "SELECT column_name, column_type, is_nullable, column_default, extra"
                + " FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = ?"
                + " ORDER BY ordinal_position", table)) {
            String description = row.get(1) + ("YES".equals(row.get(2)) ? " NULL" : " NOT NULL")
                    + (row.get(3) == null || "NULL".equals(row.get(3)) ? "" : " default " + row.get(3))
                    + (row.get(4) == null || row.get(4).isBlank() ? "" : " " + row.get(4).toLowerCase());
            columns.put(row.get(0), description);
        }
        return columns;
    }

    /** {@code index -> "UNIQUE|INDEX (a, b)"} of a table. */
    private static Map<String, String> indexes(MysqlNamespace mysql, String table) throws SQLException {
        Map<String, String> indexes = new LinkedHashMap<>();
        for (List<String> row : rows(mysql, "SELECT index_name, MIN(non_unique),"
                + " GROUP_CONCAT(column_name ORDER BY seq_in_index SEPARATOR ', ') FROM information_schema.statistics"
                + " WHERE table_schema = DATABASE() AND table_name = ? GROUP BY index_name ORDER BY index_name", table)) {
            indexes.put(row.get(0), ("0".equals(row.get(1)) ? "UNIQUE (" : "INDEX (") + row.get(2) + ")");
        }
        return indexes;
    }

    @Test
    void everyScalarTypeHasItsColumnTypeNullabilityAndDefault(MysqlNamespace mysql) throws SQLException {
        Map<String, String> sample = columns(mysql, "Sample");

        assertThat(sample).containsEntry("id", "int(11) NOT NULL auto_increment")
                .containsEntry("label", "varchar(191) NOT NULL")
                .containsEntry("flag", "tinyint(1) NOT NULL default 0")
                .containsEntry("big", "bigint(20) NOT NULL")
                .containsEntry("ratio", "double NOT NULL")
                .containsEntry("amount", "decimal(12,4) NOT NULL")
                .containsEntry("atMicros", "datetime(6) NOT NULL")
                .containsEntry("blob", "longblob NOT NULL")
                .containsEntry("colour", "enum('RED','GREEN','BLUE') NOT NULL default 'GREEN'");
        assertThat(sample.get("at")).matches("datetime\\(3\\) NOT NULL default current_timestamp\\(3\\).*");
        // MariaDB stores JSON as LONGTEXT with a JSON_VALID check; MySQL has its own JSON type
        assertThat(sample.get("doc")).isIn("json NOT NULL", "longtext NOT NULL");
        assertThat(columns(mysql, "Maybe")).containsEntry("text", "varchar(191) NULL")
                .containsEntry("colour", "enum('RED','GREEN','BLUE') NULL");
    }

    @Test
    void nativeTypesAndStringDefaultsArriveAsWritten(MysqlNamespace mysql) throws SQLException {
        Map<String, String> natives = columns(mysql, "Native");

        assertThat(natives).containsEntry("id", "char(25) NOT NULL")
                .containsEntry("title", "varchar(80) NOT NULL")
                .containsEntry("body", "text NOT NULL")
                .containsEntry("summary", "mediumtext NULL")
                .containsEntry("tiny", "tinyint(3) unsigned NOT NULL")
                .containsEntry("counter", "bigint(20) unsigned NOT NULL")
                .containsEntry("day", "date NOT NULL")
                .containsEntry("bits", "varbinary(16) NOT NULL")
                .containsEntry("on", "tinyint(1) NOT NULL");
        assertThat(natives.get("code")).isIn("varchar(191) NOT NULL default 'a''b\\\\c'",
                "varchar(191) NOT NULL default a'b\\c");
        assertThat(indexes(mysql, "Native")).containsEntry("Native_title_small_key", "UNIQUE (title, small)")
                .containsEntry("Native_day_idx", "INDEX (day)")
                .containsEntry("PRIMARY", "UNIQUE (id)");
    }

    @Test
    void uniqueKeysCompoundIdsAndJoinTablesHavePrismasIndexes(MysqlNamespace mysql) throws SQLException {
        assertThat(indexes(mysql, "User")).containsEntry("User_email_key", "UNIQUE (email)")
                .containsEntry("PRIMARY", "UNIQUE (id)");
        assertThat(indexes(mysql, "PostCategory")).containsEntry("PRIMARY", "UNIQUE (postId, categoryId)");
        assertThat(indexes(mysql, "Post")).containsEntry("Post_authorId_idx", "INDEX (authorId)");
        assertThat(indexes(mysql, "_PostToTag")).containsEntry("_PostToTag_AB_unique", "UNIQUE (A, B)")
                .containsEntry("_PostToTag_B_index", "INDEX (B)");
        assertThat(columns(mysql, "_PostToTag")).containsExactly(Map.entry("A", "int(11) NOT NULL"),
                Map.entry("B", "int(11) NOT NULL"));
    }

    @Test
    void foreignKeysReferenceTheirTargetsWithTheRelationsActions(MysqlNamespace mysql) throws SQLException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (List<String> row : rows(mysql, "SELECT r.constraint_name, r.table_name, r.referenced_table_name,"
                + " r.delete_rule, r.update_rule FROM information_schema.referential_constraints r"
                + " WHERE r.constraint_schema = DATABASE() ORDER BY r.constraint_name")) {
            keys.put(row.get(0), row.get(1) + " -> " + row.get(2) + " ON DELETE " + row.get(3) + " ON UPDATE "
                    + row.get(4));
        }

        assertThat(keys).containsEntry("Post_authorId_fkey", "Post -> User ON DELETE CASCADE ON UPDATE CASCADE")
                .containsEntry("Post_editorId_fkey", "Post -> User ON DELETE SET NULL ON UPDATE CASCADE")
                .containsEntry("Item_shelfAisle_shelfNumber_fkey", "Item -> Shelf ON DELETE SET NULL ON UPDATE CASCADE")
                .containsEntry("RestrictNote_accountCode_fkey",
                        "RestrictNote -> Account ON DELETE RESTRICT ON UPDATE RESTRICT")
                .containsEntry("NoActionNote_accountCode_fkey",
                        "NoActionNote -> Account ON DELETE NO ACTION ON UPDATE NO ACTION")
                .containsEntry("_PostToTag_A_fkey", "_PostToTag -> Post ON DELETE CASCADE ON UPDATE CASCADE")
                .containsEntry("_Follows_B_fkey", "_Follows -> User ON DELETE CASCADE ON UPDATE CASCADE");
        assertThat(keys).hasSize(18);
    }

    @Test
    void everyTableIsInnoDbInUtf8mb4(MysqlNamespace mysql) throws SQLException {
        List<List<String>> tables = rows(mysql, "SELECT table_name, engine, table_collation FROM"
                + " information_schema.tables WHERE table_schema = DATABASE()");

        assertThat(tables).hasSize(3 + RELATIONS.models().size() + 2)
                .allSatisfy(row -> assertThat(row.subList(1, 3)).containsExactly("InnoDB", "utf8mb4_unicode_ci"));
    }

    @Test
    void aSecondPushIsRefusedNamingWhatExists(MysqlNamespace mysql) throws SQLException {
        StepVerifier.create(DbPush.push(TYPES, 0, ConnectionFactories.get(mysql.r2dbcUrl())))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(DbPushRefusedException.class)
                        .hasMessageContaining("already holds table `")
                        .hasMessageContaining("table `Sample`").hasMessageContaining("table `Maybe`")
                        .hasMessageContaining("table `Native`"))
                .verify();
        assertThat(rows(mysql, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE()"))
                .containsExactly(List.of(String.valueOf(3 + RELATIONS.models().size() + 2)));
    }
}
