package dev.refract.r2dbc.catalog.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.meta.Provider;
import dev.refract.meta.ReferentialAction;
import dev.refract.r2dbc.catalog.Catalog;
import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.EnumType;
import dev.refract.r2dbc.catalog.Catalog.ForeignKey;
import dev.refract.r2dbc.catalog.Catalog.Index;
import dev.refract.r2dbc.catalog.Catalog.PrimaryKey;
import dev.refract.r2dbc.catalog.Catalog.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaWriterTest {

    private static Column column(String name, String type) {
        return new Column(name, type, false, null, false);
    }

    private static Table table(String name, List<Column> columns, PrimaryKey key, List<Index> indexes,
                               List<ForeignKey> foreignKeys) {
        return new Table(name, columns, key, indexes, foreignKeys);
    }

    private static final Table TEAM = table("team", List.of(new Column("id", "integer", false, null, true),
                    column("name", "character varying(80)"),
                    new Column("created_at", "timestamp(3) without time zone", false, "CURRENT_TIMESTAMP", false),
                    new Column("motto", "text", true, "'it''s \"ours\"'", false)),
            new PrimaryKey("team_pkey", List.of("id")),
            List.of(new Index("team_name_key", List.of("name"), true)), List.of());

    @Test
    void writesATableAsAModelWithMappedNamesNativeTypesDefaultsAndKeys() {
        String text = SchemaWriter.write(new Catalog(List.of(TEAM), List.of()), Provider.POSTGRESQL, null).text();

        assertThat(text).isEqualTo("""
                model Team {
                  id Int @id @default(autoincrement())
                  name String @unique @db.VarChar(80)
                  createdAt DateTime @default(now()) @map("created_at")
                  motto String? @default("it's \\"ours\\"")

                  @@map("team")
                }

                """);
    }

    @Test
    void writesAForeignKeyAsARelationOnBothSidesAndCompositeKeysAndIndexesAsBlockAttributes() {
        Table member = table("Member", List.of(column("teamId", "integer"), column("email", "text"),
                        new Column("role", "\"member role\"", false, "'regular-member'", false),
                        new Column("score", "numeric(10,2)", true, "0", false)),
                new PrimaryKey("Member_pkey", List.of("teamId", "email")),
                List.of(new Index("Member_email_idx", List.of("email"), false),
                        new Index("Member_role_score_key", List.of("role", "score"), true)),
                List.of(new ForeignKey("Member_teamId_fkey", List.of("teamId"), "team", List.of("id"),
                        ReferentialAction.CASCADE, ReferentialAction.NO_ACTION)));
        Catalog catalog = new Catalog(List.of(TEAM, member),
                List.of(new EnumType("member role", List.of("admin", "regular-member"))));

        PulledSchema pulled = SchemaWriter.write(catalog, Provider.POSTGRESQL, "legacy");

        assertThat(pulled.models()).containsExactly("Member", "Team");
        assertThat(pulled.enums()).containsExactly("MemberRole");
        assertThat(pulled.text()).contains("""
                model Member {
                  teamId Int
                  email String
                  role MemberRole @default(regular_member)
                  score Decimal? @default(0) @db.Decimal(10,2)
                  team Team @relation(fields: [teamId], references: [id], onDelete: Cascade, onUpdate: NoAction)

                  @@id([teamId, email])
                  @@unique([role, score])
                  @@index([email])
                  @@datasource(legacy)
                }
                """).contains("  members Member[]\n").contains("""
                enum MemberRole {
                  admin
                  regular_member @map("regular-member")

                  @@map("member role")
                }
                """);
    }

    @Test
    void namesTheRelationsWhenTwoJoinTheSameModels() {
        Table user = table("User", List.of(column("id", "bigint")), new PrimaryKey("User_pkey", List.of("id")),
                List.of(), List.of());
        Table message = table("Message", List.of(column("id", "bigint"), column("senderId", "bigint"),
                        new Column("recipientId", "bigint", true, null, false)),
                new PrimaryKey("Message_pkey", List.of("id")), List.of(),
                List.of(new ForeignKey("Message_recipientId_fkey", List.of("recipientId"), "User", List.of("id"),
                                ReferentialAction.SET_NULL, ReferentialAction.CASCADE),
                        new ForeignKey("Message_senderId_fkey", List.of("senderId"), "User", List.of("id"),
                                ReferentialAction.RESTRICT, ReferentialAction.CASCADE)));

        String text = SchemaWriter.write(new Catalog(List.of(user, message), List.of()), Provider.POSTGRESQL, null).text();

        assertThat(text).contains("  recipient User? @relation(\"Message_recipientId_fkey\", fields: [recipientId],"
                        + " references: [id], onDelete: SetNull, onUpdate: Cascade)\n")
                .contains("  sender User @relation(\"Message_senderId_fkey\", fields: [senderId], references: [id],"
                        + " onDelete: Restrict, onUpdate: Cascade)\n")
                .contains("  messagesByRecipient Message[] @relation(\"Message_recipientId_fkey\")\n")
                .contains("  messagesBySender Message[] @relation(\"Message_senderId_fkey\")\n");
    }

    @Test
    void namesASelfRelationAndWritesItsFieldsBeforeTheFieldsBack() {
        Table employee = table("employee", List.of(column("id", "integer"),
                        new Column("manager_id", "integer", true, null, false)),
                new PrimaryKey("employee_pkey", List.of("id")), List.of(),
                List.of(new ForeignKey("employee_manager_id_fkey", List.of("manager_id"), "employee", List.of("id"),
                        ReferentialAction.SET_NULL, ReferentialAction.CASCADE)));

        String text = SchemaWriter.write(new Catalog(List.of(employee), List.of()), Provider.POSTGRESQL, null).text();

        assertThat(text).contains("""
                  managerId Int? @map("manager_id")
                  manager Employee? @relation("employee_manager_id_fkey", fields: [managerId], references: [id], \
                onDelete: SetNull, onUpdate: Cascade)
                  employeesByManager Employee[] @relation("employee_manager_id_fkey")
                """);
    }

    @Test
    void writesAUniqueForeignKeyAsAOneToOneRelation() {
        Table user = table("User", List.of(column("id", "integer")), new PrimaryKey("User_pkey", List.of("id")),
                List.of(), List.of());
        Table profile = table("Profile", List.of(column("id", "integer"), column("userId", "integer")),
                new PrimaryKey("Profile_pkey", List.of("id")), List.of(new Index("Profile_userId_key",
                        List.of("userId"), true)),
                List.of(new ForeignKey("Profile_userId_fkey", List.of("userId"), "User", List.of("id"),
                        ReferentialAction.CASCADE, ReferentialAction.CASCADE)));

        String text = SchemaWriter.write(new Catalog(List.of(user, profile), List.of()), Provider.POSTGRESQL, null).text();

        assertThat(text).contains("  userId Int @unique\n").contains("  profile Profile?\n");
    }

    @Test
    void leavesOutTablesWithoutAKeyAndTheMigrationHistorySayingWhy() {
        Table log = table("audit_log", List.of(new Column("line", "text", true, null, false)), null,
                List.of(new Index("audit_log_line_key", List.of("line"), true)), List.of());
        Table history = table(SchemaWriter.HISTORY_TABLE, List.of(column("id", "text")),
                new PrimaryKey("_refract_migrations_pkey", List.of("id")), List.of(), List.of());

        PulledSchema pulled = SchemaWriter.write(new Catalog(List.of(log, history, TEAM), List.of()),
                Provider.POSTGRESQL, null);

        assertThat(pulled.models()).containsExactly("Team");
        assertThat(pulled.skipped()).singleElement().asString().contains("\"audit_log\"").contains("no primary key");
        assertThat(pulled.text()).startsWith(SchemaWriter.SKIPPED_COMMENT + "table \"audit_log\": ")
                .doesNotContain("_refract_migrations");
    }

    @Test
    void keepsATableWhoseUniqueKeyIsOverRequiredColumns() {
        Table tag = table("tag", List.of(column("slug", "varchar(40)")), null,
                List.of(new Index("tag_slug", List.of("slug"), true)), List.of());

        String text = SchemaWriter.write(new Catalog(List.of(tag), List.of()), Provider.MYSQL, null).text();

        assertThat(text).contains("  slug String @unique @db.VarChar(40)\n");
    }

    @Test
    void writesMySqlTypesAndAnEnumPerEnumColumn() {
        Table order = table("orders", List.of(new Column("id", "int unsigned", false, null, true),
                        new Column("status", "enum('open','shipped')", false, "'open'", false),
                        new Column("paid", "tinyint(1)", false, "0", false), column("note", "varchar(191)"),
                        new Column("placed_at", "datetime", false, "current_timestamp", false),
                        column("total", "decimal(65,30)"), column("raw", "geometry")),
                new PrimaryKey("PRIMARY", List.of("id")), List.of(), List.of());

        PulledSchema pulled = SchemaWriter.write(new Catalog(List.of(order), List.of()), Provider.MYSQL, null);

        assertThat(pulled.enums()).containsExactly("OrdersStatus");
        assertThat(pulled.text()).contains("""
                  id Int @id @default(autoincrement()) @db.UnsignedInt
                  status OrdersStatus @default(open)
                  paid Boolean @default(false)
                  note String
                  placedAt DateTime @default(now()) @map("placed_at") @db.DateTime
                  total Decimal
                  raw Unsupported("geometry")
                """).contains("enum OrdersStatus {\n  open\n  shipped\n}\n");
    }

    @Test
    void writesOtherDefaultsAsTheDatabaseExpressionAndSerialsAsAutoincrement() {
        Table item = table("item", List.of(new Column("id", "integer", false, "nextval('item_id_seq')", false),
                        new Column("code", "uuid", false, "gen_random_uuid()", false),
                        new Column("tags", "text[]", false, null, false),
                        new Column("active", "boolean", false, "true", false)),
                new PrimaryKey("item_pkey", List.of("id")), List.of(), List.of());

        String text = SchemaWriter.write(new Catalog(List.of(item), List.of()), Provider.POSTGRESQL, null).text();

        assertThat(text).contains("  id Int @id @default(autoincrement())\n")
                .contains("  code String @default(dbgenerated(\"gen_random_uuid()\")) @db.Uuid\n")
                .contains("  tags String[]\n").contains("  active Boolean @default(true)\n");
    }

    @Test
    void makesSchemaNamesOfDatabaseNamesThatCannotBeThemAsTheyAre() {
        Table odd = table("2024 sales", List.of(column("ID", "integer"), column("unit-price", "numeric(65,30)"),
                        column("Region Name", "text")),
                new PrimaryKey("sales_pkey", List.of("ID")), List.of(), List.of());

        String text = SchemaWriter.write(new Catalog(List.of(odd), List.of()), Provider.POSTGRESQL, null).text();

        assertThat(text).contains("model M2024Sales {").contains("  id Int @id @map(\"ID\")\n")
                .contains("  unitPrice Decimal @map(\"unit-price\")\n").contains("  regionName String @map(\"Region Name\")\n")
                .contains("@@map(\"2024 sales\")");
    }

    @Test
    void refusesAProviderWithoutARelationalCatalog() {
        assertThatThrownBy(() -> SchemaWriter.write(Catalog.EMPTY, Provider.MONGODB, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pull only postgresql and mysql");
    }
}
