package dev.refract.r2dbc.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ReferentialAction;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

class MySqlDdlTest {

    private static final SchemaMeta TYPES = com.example.types.mysql.db.RefractClientMetadata.SCHEMA;
    private static final SchemaMeta RELATIONS = com.example.relations.mysql.db.RefractClientMetadata.SCHEMA;
    private static final String OPTIONS = " ENGINE=InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

    private static String statement(DdlScript script, String start) {
        return script.statements().stream().filter(s -> s.startsWith(start)).findFirst().orElseThrow();
    }

    @Test
    void everyScalarTypeGetsPrismasMySqlColumnAndEnumsAreEnumColumns() {
        DdlScript script = MySqlDdl.render(TYPES, 0);

        assertThat(script.enumTypes()).isEmpty();
        assertThat(script.tables()).containsExactly("Sample", "Maybe", "Native");
        assertThat(statement(script, "CREATE TABLE `Sample`")).isEqualTo("CREATE TABLE `Sample` (\n"
                + "    `id` INTEGER NOT NULL AUTO_INCREMENT,\n"
                + "    `label` VARCHAR(191) NOT NULL,\n"
                + "    `flag` BOOLEAN NOT NULL DEFAULT false,\n"
                + "    `count` INTEGER NOT NULL DEFAULT 0,\n"
                + "    `big` BIGINT NOT NULL,\n"
                + "    `ratio` DOUBLE NOT NULL,\n"
                + "    `amount` DECIMAL(12,4) NOT NULL,\n"
                + "    `at` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),\n"
                + "    `atMicros` DATETIME(6) NOT NULL,\n"
                + "    `doc` JSON NOT NULL,\n"
                + "    `blob` LONGBLOB NOT NULL,\n"
                + "    `colour` ENUM('RED', 'GREEN', 'BLUE') NOT NULL DEFAULT 'GREEN',\n"
                + "    UNIQUE INDEX `Sample_label_key`(`label`),\n"
                + "    PRIMARY KEY (`id`)\n"
                + ")" + OPTIONS);
        assertThat(statement(script, "CREATE TABLE `Maybe`")).contains("    `text` VARCHAR(191) NULL,\n",
                "    `colour` ENUM('RED', 'GREEN', 'BLUE') NULL,\n");
    }

    @Test
    void nativeTypesFollowTheMySqlCatalog() {
        assertThat(statement(MySqlDdl.render(TYPES, 0), "CREATE TABLE `Native`")).isEqualTo("CREATE TABLE `Native` (\n"
                + "    `id` CHAR(25) NOT NULL,\n"
                + "    `title` VARCHAR(80) NOT NULL,\n"
                + "    `body` TEXT NOT NULL,\n"
                + "    `summary` MEDIUMTEXT NULL,\n"
                + "    `small` SMALLINT NOT NULL,\n"
                + "    `tiny` TINYINT UNSIGNED NOT NULL,\n"
                + "    `counter` BIGINT UNSIGNED NOT NULL,\n"
                + "    `single` FLOAT NOT NULL,\n"
                + "    `day` DATE NOT NULL,\n"
                + "    `stamp` TIMESTAMP(3) NOT NULL,\n"
                + "    `bits` VARBINARY(16) NOT NULL,\n"
                + "    `on` TINYINT(1) NOT NULL,\n"
                + "    `code` VARCHAR(191) NOT NULL DEFAULT 'a''b\\\\c',\n"
                + "    UNIQUE INDEX `Native_title_small_key`(`title`, `small`),\n"
                + "    INDEX `Native_day_idx`(`day`),\n"
                + "    PRIMARY KEY (`id`)\n"
                + ")" + OPTIONS);
    }

    @Test
    void implicitManyToManyTablesHaveAUniquePairAndAnIndexOnB() {
        DdlScript script = MySqlDdl.render(RELATIONS, 0);

        assertThat(statement(script, "CREATE TABLE `_PostToTag`")).isEqualTo("CREATE TABLE `_PostToTag` (\n"
                + "    `A` INTEGER NOT NULL,\n"
                + "    `B` INTEGER NOT NULL,\n"
                + "    UNIQUE INDEX `_PostToTag_AB_unique`(`A`, `B`),\n"
                + "    INDEX `_PostToTag_B_index`(`B`)\n"
                + ")" + OPTIONS);
        assertThat(script.statements()).contains(
                "ALTER TABLE `_PostToTag` ADD CONSTRAINT `_PostToTag_A_fkey` FOREIGN KEY (`A`) REFERENCES `Post`(`id`)"
                        + " ON DELETE CASCADE ON UPDATE CASCADE",
                "ALTER TABLE `_PostToTag` ADD CONSTRAINT `_PostToTag_B_fkey` FOREIGN KEY (`B`) REFERENCES `Tag`(`id`)"
                        + " ON DELETE CASCADE ON UPDATE CASCADE");
    }

    @Test
    void foreignKeysComeLastWithTheirReferentialActions() {
        DdlScript script = MySqlDdl.render(RELATIONS, 0);
        List<String> statements = script.statements();
        int firstForeignKey = statements.indexOf(statements.stream().filter(s -> s.startsWith("ALTER")).findFirst()
                .orElseThrow());

        assertThat(statements.subList(0, firstForeignKey)).allMatch(s -> s.startsWith("CREATE TABLE"));
        assertThat(statements.subList(firstForeignKey, statements.size())).allMatch(s -> s.startsWith("ALTER TABLE"));
        assertThat(statements).contains(
                "ALTER TABLE `Item` ADD CONSTRAINT `Item_shelfAisle_shelfNumber_fkey` FOREIGN KEY (`shelfAisle`,"
                        + " `shelfNumber`) REFERENCES `Shelf`(`aisle`, `number`) ON DELETE SET NULL ON UPDATE CASCADE",
                "ALTER TABLE `RestrictNote` ADD CONSTRAINT `RestrictNote_accountCode_fkey` FOREIGN KEY (`accountCode`)"
                        + " REFERENCES `Account`(`code`) ON DELETE RESTRICT ON UPDATE RESTRICT",
                "ALTER TABLE `NoActionNote` ADD CONSTRAINT `NoActionNote_accountCode_fkey` FOREIGN KEY (`accountCode`)"
                        + " REFERENCES `Account`(`code`) ON DELETE NO ACTION ON UPDATE NO ACTION");
        assertThat(statement(script, "CREATE TABLE `PostCategory`")).endsWith(
                "    PRIMARY KEY (`postId`, `categoryId`)\n)" + OPTIONS);
    }

    @Test
    void setDefaultIsRefusedAsInnoDbWouldRestrictInstead() {
        SchemaMeta schema = new SchemaMeta(List.of(DatasourceMeta.fromEnvironment("db", 0, Provider.MYSQL, "URL",
                PoolMeta.DEFAULTS)), List.of(
                new ModelMeta("Account", "Account", 0, 0, List.of(
                        FieldMeta.scalar("code", ScalarType.STRING, Arity.REQUIRED).asId(),
                        FieldMeta.relation("notes", "Note", Arity.LIST)), KeyMeta.of(0), List.of(),
                        List.of(new RelationMeta("AccountToNote", 1, 1, true, new int[0], new int[0], null, null, 1,
                                false)), null, 0),
                new ModelMeta("Note", "Note", 1, 0, List.of(
                        FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED).asId()
                                .withDefault(new DefaultValue.Autoincrement()),
                        FieldMeta.relation("account", "Account", Arity.REQUIRED),
                        FieldMeta.scalar("accountCode", ScalarType.STRING, Arity.REQUIRED)
                                .withDefault(new DefaultValue.Literal("HOUSE"))), KeyMeta.of(0), List.of(),
                        List.of(new RelationMeta("AccountToNote", 1, 0, false, new int[] {2}, new int[] {0},
                                ReferentialAction.SET_DEFAULT, null, 1, false)), null, 0)),
                List.of(), List.of());

        assertThatThrownBy(() -> MySqlDdl.render(schema, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Relation Note.account has onDelete: SetDefault")
                .hasMessageContaining("carries out as Restrict");
    }

    @Test
    void onlyMySqlDatasourcesAreRendered() {
        assertThatThrownBy(() -> MySqlDdl.render(com.example.relations.db.RefractClientMetadata.SCHEMA, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Datasource db is postgresql, but this renders mysql data definition");
    }

    @Test
    void stringDefaultsAreWrittenAsMySqlLiterals() {
        assertThat(Literals.mysql("it's a \\ and \0")).isEqualTo("'it''s a \\\\ and \\0'");
    }
}
