package dev.refract.r2dbc.migrate.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.meta.Provider;
import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.EnumType;
import dev.refract.r2dbc.catalog.Catalog.PrimaryKey;
import dev.refract.r2dbc.catalog.Catalog.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class MySqlMigrationSqlTest {

    private static final MigrationSql SQL = MigrationSql.of(Provider.MYSQL);

    @Test
    void aTableIsCreatedInInnoDbWithUtf8mb4AsPushCreatesIt() {
        Table user = new Table("User", List.of(new Column("id", "int", false, null, true),
                new Column("bio", "text", true, "'none'", false), new Column("at", "datetime(3)", false,
                "current_timestamp(3)", false)), new PrimaryKey("PRIMARY", List.of("id")), List.of(), List.of());

        assertThat(SQL.render(new Step.CreateTable(user))).containsExactly("CREATE TABLE `User` (\n"
                + "    `id` int NOT NULL AUTO_INCREMENT,\n"
                + "    `bio` text NULL DEFAULT ('none'),\n"
                + "    `at` datetime(3) NOT NULL DEFAULT current_timestamp(3),\n"
                + "    PRIMARY KEY (`id`)\n"
                + ") ENGINE=InnoDB DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    @Test
    void aColumnIsChangedByWritingItsWholeDefinitionAgain() {
        Step step = new Step.AlterColumn("User", new Column("role", "enum('READER','AUTHOR')", false, "'READER'", false),
                new Column("role", "enum('READER','EDITOR')", false, "'EDITOR'", false));

        assertThat(SQL.render(step)).containsExactly(
                "ALTER TABLE `User` MODIFY COLUMN `role` enum('READER','EDITOR') NOT NULL DEFAULT 'EDITOR'");
    }

    @Test
    void renamesAndDropsUseMySqlsOwnStatements() {
        assertThat(SQL.render(new Step.RenameTable("Post", "posts"))).containsExactly("RENAME TABLE `Post` TO `posts`");
        assertThat(SQL.render(new Step.RenameIndex("posts", "Post_title_idx", "posts_headline_idx"))).containsExactly(
                "ALTER TABLE `posts` RENAME INDEX `Post_title_idx` TO `posts_headline_idx`");
        assertThat(SQL.render(new Step.DropIndex("Post", "Post_title_idx")))
                .containsExactly("DROP INDEX `Post_title_idx` ON `Post`");
        assertThat(SQL.render(new Step.DropForeignKey("Post", "Post_authorId_fkey")))
                .containsExactly("ALTER TABLE `Post` DROP FOREIGN KEY `Post_authorId_fkey`");
        assertThat(SQL.render(new Step.RenamePrimaryKey("posts", "PRIMARY", "PRIMARY"))).isEmpty();
    }

    @Test
    void enumTypeStepsAreRefusedAsMySqlKeepsEnumsInColumns() {
        assertThatThrownBy(() -> SQL.render(new Step.CreateEnum(new EnumType("Role", List.of("A")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MySQL keeps enums in column types");
    }

    @Test
    void hazardsAreCountedByWhatTheyTouch() {
        assertThat(SQL.count(new Hazard.RemovedEnumValues("User", "role", false, List.of("AUTHOR"))))
                .isEqualTo("SELECT COUNT(*) FROM `User` WHERE `role` IN ('AUTHOR')");
        assertThat(SQL.count(new Hazard.NarrowedType("T", "a", "varchar(191)", "varchar(20)", 20)))
                .isEqualTo("SELECT COUNT(*) FROM `T` WHERE CHAR_LENGTH(`a`) > 20");
        assertThat(SQL.count(new Hazard.RequiredColumnWithoutDefault("User", "age")))
                .isEqualTo("SELECT COUNT(*) FROM `User`");
    }
}
