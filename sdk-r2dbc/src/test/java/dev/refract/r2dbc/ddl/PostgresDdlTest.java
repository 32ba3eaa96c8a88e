package dev.refract.r2dbc.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.meta.Arity;
import dev.refract.meta.DatasourceMeta;
import dev.refract.meta.DefaultValue;
import dev.refract.meta.EnumMeta;
import dev.refract.meta.FieldMeta;
import dev.refract.meta.KeyMeta;
import dev.refract.meta.ModelMeta;
import dev.refract.meta.PoolMeta;
import dev.refract.meta.Provider;
import dev.refract.meta.ReferentialAction;
import dev.refract.meta.RelationMeta;
import dev.refract.meta.ScalarType;
import dev.refract.meta.SchemaMeta;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresDdlTest {

    private static final DatasourceMeta DB = DatasourceMeta.fromEnvironment("db", 0, Provider.POSTGRESQL,
            "DATABASE_URL", PoolMeta.DEFAULTS);
    private static final DatasourceMeta DOCS = DatasourceMeta.fromEnvironment("docs", 1, Provider.MONGODB,
            "MONGODB_URL", PoolMeta.DEFAULTS);
    private static final EnumMeta ROLE = new EnumMeta("Role", "user_role", List.of("admin", "PLAIN"))
            .withValueNames(List.of("ADMIN", "PLAIN"));
    private static final EnumMeta UNUSED = new EnumMeta("Unused", "Unused", List.of("A"));

    private static final ModelMeta USER = new ModelMeta("User", "users", 0, 0, List.of(
            FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED).asId().withDefault(new DefaultValue.Autoincrement()),
            FieldMeta.scalar("email", ScalarType.STRING, Arity.REQUIRED).asUnique().withNativeType("VarChar(255)"),
            FieldMeta.scalar("name", ScalarType.STRING, Arity.OPTIONAL).withDbName("full_name"),
            FieldMeta.enumField("role", "Role", Arity.REQUIRED).withDefault(new DefaultValue.Literal("ADMIN")),
            FieldMeta.scalar("tags", ScalarType.STRING, Arity.LIST).withDefault(new DefaultValue.Literal(List.of())),
            FieldMeta.scalar("score", ScalarType.FLOAT, Arity.REQUIRED)
                    .withDefault(new DefaultValue.Literal(new BigDecimal("-1.5"))),
            FieldMeta.scalar("balance", ScalarType.DECIMAL, Arity.REQUIRED).withDefault(new DefaultValue.Literal(0L)),
            FieldMeta.scalar("exact", ScalarType.DECIMAL, Arity.OPTIONAL).withNativeType("Decimal(12, 2)"),
            FieldMeta.scalar("createdAt", ScalarType.DATETIME, Arity.REQUIRED).withDefault(new DefaultValue.Now()),
            FieldMeta.scalar("seenAt", ScalarType.DATETIME, Arity.OPTIONAL).withNativeType("Timestamptz(6)"),
            FieldMeta.scalar("data", ScalarType.JSON, Arity.OPTIONAL),
            FieldMeta.scalar("avatar", ScalarType.BYTES, Arity.OPTIONAL),
            FieldMeta.scalar("active", ScalarType.BOOLEAN, Arity.REQUIRED)
                    .withDefault(new DefaultValue.Literal(Boolean.TRUE)),
            FieldMeta.scalar("nickname", ScalarType.STRING, Arity.REQUIRED)
                    .withDefault(new DefaultValue.Literal("it's")),
            FieldMeta.scalar("token", ScalarType.STRING, Arity.REQUIRED).withNativeType("Uuid")
                    .withDefault(new DefaultValue.DbGenerated("gen_random_uuid()")),
            FieldMeta.scalar("ext", ScalarType.STRING, Arity.REQUIRED).withDefault(new DefaultValue.Cuid(1)),
            FieldMeta.relation("posts", "Post", Arity.LIST),
            FieldMeta.relation("edited", "Post", Arity.LIST),
            FieldMeta.enumField("roles", "Role", Arity.LIST)
                    .withDefault(new DefaultValue.Literal(List.of("ADMIN", "PLAIN"))),
            FieldMeta.scalar("updatedAt", ScalarType.DATETIME, Arity.REQUIRED).asUpdatedAt()),
            KeyMeta.of(0), List.of(KeyMeta.of(1)), List.of(
                    new RelationMeta("PostToUser", 16, 1, true, new int[0], new int[0], null, null, 1, false),
                    new RelationMeta("Editing", 17, 1, true, new int[0], new int[0], null, null, 3, false)),
            null, 0);

    private static final ModelMeta POST = new ModelMeta("Post", "Post", 1, 0, List.of(
            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId().withDefault(new DefaultValue.Uuid(4)),
            FieldMeta.relation("author", "User", Arity.REQUIRED),
            FieldMeta.scalar("authorId", ScalarType.INT, Arity.REQUIRED).withDbName("author_id"),
            FieldMeta.relation("editor", "User", Arity.OPTIONAL),
            FieldMeta.scalar("editorId", ScalarType.INT, Arity.OPTIONAL),
            FieldMeta.relation("tags", "Tag", Arity.LIST),
            FieldMeta.scalar("slug", ScalarType.STRING, Arity.REQUIRED),
            FieldMeta.scalar("lang", ScalarType.STRING, Arity.REQUIRED),
            FieldMeta.scalar("docId", ScalarType.STRING, Arity.OPTIONAL),
            FieldMeta.relation("doc", "Doc", Arity.OPTIONAL)),
            KeyMeta.of(0), List.of(KeyMeta.of(6, 7)), List.of(
                    new RelationMeta("PostToUser", 1, 0, false, new int[] {2}, new int[] {0}, null, null, 16, false),
                    new RelationMeta("Editing", 3, 0, false, new int[] {4}, new int[] {0},
                            ReferentialAction.CASCADE, ReferentialAction.NO_ACTION, 17, false),
                    new RelationMeta("PostToTag", 5, 2, true, new int[0], new int[0], null, null, 2, false),
                    new RelationMeta("DocToPost", 9, 5, false, new int[] {8}, new int[] {0}, null, null, 1, true)),
            null, 0).withIndexes(List.of(KeyMeta.of(2, 7), new KeyMeta("post_slug", List.of(6))));

    private static final ModelMeta TAG = new ModelMeta("Tag", "Tag", 2, 0, List.of(
            FieldMeta.scalar("id", ScalarType.BIGINT, Arity.REQUIRED).asId()
                    .withDefault(new DefaultValue.Autoincrement()),
            FieldMeta.scalar("name", ScalarType.STRING, Arity.REQUIRED),
            FieldMeta.relation("posts", "Post", Arity.LIST)),
            KeyMeta.of(0), List.of(), List.of(
                    new RelationMeta("PostToTag", 2, 1, true, new int[0], new int[0], null, null, 5, false)),
            null, 0);

    private static final ModelMeta LINE = new ModelMeta("Line", "Line", 3, 0, List.of(
            FieldMeta.scalar("orderId", ScalarType.INT, Arity.REQUIRED),
            FieldMeta.scalar("position", ScalarType.INT, Arity.REQUIRED).withNativeType("SmallInt"),
            FieldMeta.scalar("amount", ScalarType.FLOAT, Arity.REQUIRED).withNativeType("Real")),
            KeyMeta.of(0, 1), List.of(), List.of(), null, 0);

    private static final ModelMeta TOKEN = new ModelMeta("Token", "Token", 4, 0, List.of(
            FieldMeta.scalar("kind", ScalarType.STRING, Arity.REQUIRED),
            FieldMeta.scalar("value", ScalarType.STRING, Arity.REQUIRED)),
            KeyMeta.of(0, 1), List.of(), List.of(), null, 0).identifiedByUnique();

    private static final ModelMeta DOC = new ModelMeta("Doc", "Doc", 5, 1, List.of(
            FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId().withDbName("_id"),
            FieldMeta.relation("posts", "Post", Arity.LIST)),
            KeyMeta.of(0), List.of(), List.of(
                    new RelationMeta("DocToPost", 1, 1, true, new int[0], new int[0], null, null, 9, true)),
            null, 0);

    private static final SchemaMeta SCHEMA = new SchemaMeta(List.of(DB, DOCS),
            List.of(USER, POST, TAG, LINE, TOKEN, DOC), List.of(UNUSED, ROLE), List.of());

    private final DdlScript script = PostgresDdl.render(SCHEMA, 0);

    @Test
    void createsTheEnumTypesUsedByTheDatasourceWithMappedValues() {
        assertThat(script.enumTypes()).containsExactly("user_role");
        assertThat(script.statements().get(0)).isEqualTo("CREATE TYPE \"user_role\" AS ENUM ('admin', 'PLAIN')");
    }

    @Test
    void createsEveryColumnWithItsTypeNullabilityAndDefault() {
        assertThat(script.statements().get(1)).isEqualTo("""
                CREATE TABLE "users" (
                    "id" integer GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                    "email" varchar(255) NOT NULL,
                    "full_name" text,
                    "role" "user_role" NOT NULL DEFAULT 'admin',
                    "tags" text[] DEFAULT ARRAY[]::text[],
                    "score" double precision NOT NULL DEFAULT -1.5,
                    "balance" numeric(65,30) NOT NULL DEFAULT 0,
                    "exact" decimal(12,2),
                    "createdAt" timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
                    "seenAt" timestamptz(6),
                    "data" jsonb,
                    "avatar" bytea,
                    "active" boolean NOT NULL DEFAULT true,
                    "nickname" text NOT NULL DEFAULT 'it''s',
                    "token" uuid NOT NULL DEFAULT gen_random_uuid(),
                    "ext" text NOT NULL,
                    "roles" "user_role"[] DEFAULT ARRAY['admin', 'PLAIN']::"user_role"[],
                    "updatedAt" timestamp(3) NOT NULL,
                    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
                )""");
    }

    @Test
    void bigIntAutoincrementBecomesABigintIdentity() {
        assertThat(script.statements()).contains("""
                CREATE TABLE "Tag" (
                    "id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,
                    "name" text NOT NULL,
                    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
                )""");
    }

    @Test
    void compoundPrimaryKeyAndNativeNumberTypes() {
        assertThat(script.statements()).contains("""
                CREATE TABLE "Line" (
                    "orderId" integer NOT NULL,
                    "position" smallint NOT NULL,
                    "amount" real NOT NULL,
                    CONSTRAINT "Line_pkey" PRIMARY KEY ("orderId", "position")
                )""");
    }

    @Test
    void modelIdentifiedByAUniqueKeyGetsAUniqueIndexInsteadOfAPrimaryKey() {
        assertThat(script.statements()).contains("""
                CREATE TABLE "Token" (
                    "kind" text NOT NULL,
                    "value" text NOT NULL
                )""", "CREATE UNIQUE INDEX \"Token_kind_value_key\" ON \"Token\"(\"kind\", \"value\")");
    }

    @Test
    void uniqueKeysAreNamedAfterTableAndColumns() {
        assertThat(script.statements()).contains(
                "CREATE UNIQUE INDEX \"users_email_key\" ON \"users\"(\"email\")",
                "CREATE UNIQUE INDEX \"Post_slug_lang_key\" ON \"Post\"(\"slug\", \"lang\")");
        assertThat(script.statements()).filteredOn(s -> s.contains("users_email_key")).hasSize(1);
    }

    @Test
    void indexesTakeTheirMappedNameOrPrismasDefault() {
        assertThat(script.statements()).contains(
                "CREATE INDEX \"Post_author_id_lang_idx\" ON \"Post\"(\"author_id\", \"lang\")",
                "CREATE INDEX \"post_slug\" ON \"Post\"(\"slug\")");
    }

    @Test
    void foreignKeysUsePrismasDefaultActionsUnlessWritten() {
        assertThat(script.statements()).contains(
                "ALTER TABLE \"Post\" ADD CONSTRAINT \"Post_author_id_fkey\" FOREIGN KEY (\"author_id\")"
                        + " REFERENCES \"users\"(\"id\") ON DELETE RESTRICT ON UPDATE CASCADE",
                "ALTER TABLE \"Post\" ADD CONSTRAINT \"Post_editorId_fkey\" FOREIGN KEY (\"editorId\")"
                        + " REFERENCES \"users\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    }

    @Test
    void optionalRelationDefaultsToSetNullOnDelete() {
        ModelMeta post = new ModelMeta("Post", "Post", 1, 0, POST.fields(), POST.id(), List.of(), List.of(
                new RelationMeta("PostToUser", 1, 0, false, new int[] {2}, new int[] {0}, null, null, 16, false),
                new RelationMeta("Editing", 3, 0, false, new int[] {4}, new int[] {0}, null, null, 17, false)),
                null, 0);
        SchemaMeta schema = new SchemaMeta(List.of(DB), List.of(USER.withIndexes(List.of()), post), List.of(ROLE),
                List.of());
        assertThat(PostgresDdl.render(schema, 0).statements()).contains(
                "ALTER TABLE \"Post\" ADD CONSTRAINT \"Post_editorId_fkey\" FOREIGN KEY (\"editorId\")"
                        + " REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE CASCADE");
    }

    @Test
    void optionalRelationOverARequiredKeyFieldDefaultsToRestrictOnDelete() {
        ModelMeta shelf = new ModelMeta("Shelf", "Shelf", 0, 0, List.of(
                FieldMeta.scalar("aisle", ScalarType.STRING, Arity.REQUIRED),
                FieldMeta.scalar("number", ScalarType.INT, Arity.REQUIRED)),
                KeyMeta.of(0, 1), List.of(), List.of(), null, 0);
        // Prisma counts a relation as required when any of its key fields is, whatever its own arity.
        ModelMeta item = new ModelMeta("Item", "Item", 1, 0, List.of(
                FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED).asId(),
                FieldMeta.relation("shelf", "Shelf", Arity.OPTIONAL),
                FieldMeta.scalar("shelfAisle", ScalarType.STRING, Arity.OPTIONAL),
                FieldMeta.scalar("shelfNumber", ScalarType.INT, Arity.REQUIRED),
                FieldMeta.relation("spare", "Shelf", Arity.OPTIONAL),
                FieldMeta.scalar("spareAisle", ScalarType.STRING, Arity.OPTIONAL),
                FieldMeta.scalar("spareNumber", ScalarType.INT, Arity.OPTIONAL)),
                KeyMeta.of(0), List.of(), List.of(
                        new RelationMeta("ItemToShelf", 1, 0, false, new int[] {2, 3}, new int[] {0, 1}, null, null,
                                -1, false),
                        new RelationMeta("Spare", 4, 0, false, new int[] {5, 6}, new int[] {0, 1}, null, null,
                                -1, false)),
                null, 0);
        assertThat(PostgresDdl.render(new SchemaMeta(List.of(DB), List.of(shelf, item)), 0).statements()).contains(
                "ALTER TABLE \"Item\" ADD CONSTRAINT \"Item_shelfAisle_shelfNumber_fkey\" FOREIGN KEY (\"shelfAisle\","
                        + " \"shelfNumber\") REFERENCES \"Shelf\"(\"aisle\", \"number\") ON DELETE RESTRICT ON UPDATE CASCADE",
                "ALTER TABLE \"Item\" ADD CONSTRAINT \"Item_spareAisle_spareNumber_fkey\" FOREIGN KEY (\"spareAisle\","
                        + " \"spareNumber\") REFERENCES \"Shelf\"(\"aisle\", \"number\") ON DELETE SET NULL ON UPDATE CASCADE");
    }

    @Test
    void crossDatasourceRelationHasNoForeignKeyAndItsModelNoTable() {
        assertThat(script.statements()).noneMatch(s -> s.contains("docId\") REFERENCES"));
        assertThat(script.tables()).doesNotContain("Doc");
        assertThat(script.statements()).noneMatch(s -> s.contains("_DocToPost"));
    }

    @Test
    void implicitManyToManyGetsAJoinTableNamedAsPrismaNamesIt() {
        assertThat(script.tables()).containsExactly("users", "Post", "Tag", "Line", "Token", "_PostToTag");
        assertThat(script.statements()).contains("""
                CREATE TABLE "_PostToTag" (
                    "A" text NOT NULL,
                    "B" bigint NOT NULL,
                    CONSTRAINT "_PostToTag_AB_pkey" PRIMARY KEY ("A", "B")
                )""",
                "CREATE INDEX \"_PostToTag_B_index\" ON \"_PostToTag\"(\"B\")",
                "ALTER TABLE \"_PostToTag\" ADD CONSTRAINT \"_PostToTag_A_fkey\" FOREIGN KEY (\"A\")"
                        + " REFERENCES \"Post\"(\"id\") ON DELETE CASCADE ON UPDATE CASCADE",
                "ALTER TABLE \"_PostToTag\" ADD CONSTRAINT \"_PostToTag_B_fkey\" FOREIGN KEY (\"B\")"
                        + " REFERENCES \"Tag\"(\"id\") ON DELETE CASCADE ON UPDATE CASCADE");
        assertThat(script.statements()).filteredOn(s -> s.startsWith("CREATE TABLE \"_PostToTag\"")).hasSize(1);
    }

    @Test
    void statementsRunTypesThenTablesThenIndexesThenForeignKeys() {
        List<String> kinds = script.statements().stream().map(s -> s.startsWith("CREATE TYPE") ? "type"
                : s.startsWith("CREATE TABLE") ? "table" : s.startsWith("ALTER TABLE") ? "fkey" : "index").toList();
        List<String> order = List.of("type", "table", "index", "fkey");
        for (int i = 1; i < kinds.size(); i++) {
            assertThat(order.indexOf(kinds.get(i))).as("statement %d: %s", i, script.statements().get(i))
                    .isGreaterThanOrEqualTo(order.indexOf(kinds.get(i - 1)));
        }
        assertThat(kinds).contains("type", "table", "index", "fkey");
    }

    @Test
    void identifiersWithQuotesAreDoubled() {
        ModelMeta odd = new ModelMeta("Odd", "we\"ird", 0, 0, List.of(
                FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED).asId().withDbName("i\"d")),
                KeyMeta.of(0), List.of(), List.of(), null, 0);
        assertThat(PostgresDdl.render(new SchemaMeta(List.of(DB), List.of(odd)), 0).statements()).containsExactly("""
                CREATE TABLE "we""ird" (
                    "i""d" integer NOT NULL,
                    CONSTRAINT "we""ird_pkey" PRIMARY KEY ("i""d")
                )""");
    }

    @Test
    void stringDefaultsWithBackslashesStayLiteral() {
        ModelMeta model = new ModelMeta("M", "M", 0, 0, List.of(
                FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED).asId(),
                FieldMeta.scalar("path", ScalarType.STRING, Arity.REQUIRED)
                        .withDefault(new DefaultValue.Literal("C:\\it's"))),
                KeyMeta.of(0), List.of(), List.of(), null, 0);
        assertThat(PostgresDdl.render(new SchemaMeta(List.of(DB), List.of(model)), 0).statements().get(0))
                .contains("\"path\" text NOT NULL DEFAULT E'C:\\\\it''s'");
    }

    @Test
    void rejectsADatasourceThatIsNotPostgresql() {
        assertThatThrownBy(() -> PostgresDdl.render(SCHEMA, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Datasource docs is mongodb");
        assertThatThrownBy(() -> PostgresDdl.render(SCHEMA, 7))
                .hasMessageContaining("no datasource with index 7");
    }

    @Test
    void rejectsANativeTypeUnknownToPostgresql() {
        ModelMeta model = new ModelMeta("M", "M", 0, 0, List.of(
                FieldMeta.scalar("id", ScalarType.INT, Arity.REQUIRED).asId().withNativeType("MediumInt")),
                KeyMeta.of(0), List.of(), List.of(), null, 0);
        assertThatThrownBy(() -> PostgresDdl.render(new SchemaMeta(List.of(DB), List.of(model)), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("M.id has the native type @db.MediumInt");
    }

    @Test
    void rejectsAutoincrementOnANonIntegerColumn() {
        ModelMeta model = new ModelMeta("M", "M", 0, 0, List.of(
                FieldMeta.scalar("id", ScalarType.STRING, Arity.REQUIRED).asId()
                        .withDefault(new DefaultValue.Autoincrement())),
                KeyMeta.of(0), List.of(), List.of(), null, 0);
        assertThatThrownBy(() -> PostgresDdl.render(new SchemaMeta(List.of(DB), List.of(model)), 0))
                .hasMessageContaining("M.id has @default(autoincrement()) but its column is text");
    }
}
