package dev.refract.r2dbc.ddl;

import static dev.refract.r2dbc.ddl.Catalog.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.refract.meta.SchemaMeta;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * Pushes the relations test schema, which has every shape of relation and every referential
 * action but SetDefault (see SetDefaultActionIT), and reads back from PostgreSQL's catalog that
 * each relation became the foreign key, join table or compound key Prisma would have created,
 * under Prisma's constraint names.
 */
@RefractTestDatabases
class RelationsSchemaPushIT {

    private static final SchemaMeta RELATIONS = com.example.relations.db.RefractClientMetadata.SCHEMA;

    private static final String ACCOUNT = " REFERENCES \"Account\"(code)";
    private static final String BOTH_CASCADE = " ON UPDATE CASCADE ON DELETE CASCADE";

    @BeforeAll
    static void push(PostgresNamespace postgres) {
        StepVerifier.create(DbPush.push(RELATIONS, 0, ConnectionFactories.get(postgres.r2dbcUrl())))
                .assertNext(report -> assertThat(report.tables()).containsExactly("User", "Profile", "Post", "Tag",
                        "Category", "PostCategory", "Comment", "Shelf", "Item", "Account", "CascadeNote",
                        "RestrictNote", "NoActionNote", "SetNullNote", "_Follows", "_PostToTag"))
                .verifyComplete();
    }

    /** Every foreign key of the namespace, by constraint name, as {@code Table: definition}. */
    private static Map<String, String> foreignKeys(Catalog catalog) {
        Map<String, String> keys = new TreeMap<>();
        for (String table : catalog.tables()) {
            catalog.constraints(table).forEach((name, definition) -> {
                if (definition.startsWith("FOREIGN KEY")) {
                    keys.put(name, table + ": " + definition);
                }
            });
        }
        return keys;
    }

    @Test
    void everyRelationHoldingAKeyIsExactlyOneForeignKeyWithItsActions(PostgresNamespace postgres) {
        // PostgreSQL leaves NO ACTION, its default, out of a constraint's definition.
        assertThat(foreignKeys(new Catalog(postgres))).containsExactlyInAnyOrderEntriesOf(ordered(
                "User_managerId_fkey", "User: FOREIGN KEY (\"managerId\") REFERENCES \"User\"(id)"
                        + " ON UPDATE CASCADE ON DELETE SET NULL",
                "Profile_userId_fkey", "Profile: FOREIGN KEY (\"userId\") REFERENCES \"User\"(id)" + BOTH_CASCADE,
                "Post_authorId_fkey", "Post: FOREIGN KEY (\"authorId\") REFERENCES \"User\"(id)" + BOTH_CASCADE,
                "Post_editorId_fkey", "Post: FOREIGN KEY (\"editorId\") REFERENCES \"User\"(id)"
                        + " ON UPDATE CASCADE ON DELETE SET NULL",
                "PostCategory_postId_fkey", "PostCategory: FOREIGN KEY (\"postId\") REFERENCES \"Post\"(id)"
                        + BOTH_CASCADE,
                "PostCategory_categoryId_fkey", "PostCategory: FOREIGN KEY (\"categoryId\")"
                        + " REFERENCES \"Category\"(id)" + BOTH_CASCADE,
                "Comment_postId_fkey", "Comment: FOREIGN KEY (\"postId\") REFERENCES \"Post\"(id)" + BOTH_CASCADE,
                "Comment_authorId_fkey", "Comment: FOREIGN KEY (\"authorId\") REFERENCES \"User\"(id)" + BOTH_CASCADE,
                "Comment_parentId_fkey", "Comment: FOREIGN KEY (\"parentId\") REFERENCES \"Comment\"(id)"
                        + BOTH_CASCADE,
                "Item_shelfAisle_shelfNumber_fkey", "Item: FOREIGN KEY (\"shelfAisle\", \"shelfNumber\")"
                        + " REFERENCES \"Shelf\"(aisle, number) ON UPDATE CASCADE ON DELETE SET NULL",
                "CascadeNote_accountCode_fkey", "CascadeNote: FOREIGN KEY (\"accountCode\")" + ACCOUNT + BOTH_CASCADE,
                "RestrictNote_accountCode_fkey", "RestrictNote: FOREIGN KEY (\"accountCode\")" + ACCOUNT
                        + " ON UPDATE RESTRICT ON DELETE RESTRICT",
                "NoActionNote_accountCode_fkey", "NoActionNote: FOREIGN KEY (\"accountCode\")" + ACCOUNT,
                "SetNullNote_accountCode_fkey", "SetNullNote: FOREIGN KEY (\"accountCode\")" + ACCOUNT
                        + " ON UPDATE SET NULL ON DELETE SET NULL",
                "_PostToTag_A_fkey", "_PostToTag: FOREIGN KEY (\"A\") REFERENCES \"Post\"(id)" + BOTH_CASCADE,
                "_PostToTag_B_fkey", "_PostToTag: FOREIGN KEY (\"B\") REFERENCES \"Tag\"(id)" + BOTH_CASCADE,
                "_Follows_A_fkey", "_Follows: FOREIGN KEY (\"A\") REFERENCES \"User\"(id)" + BOTH_CASCADE,
                "_Follows_B_fkey", "_Follows: FOREIGN KEY (\"B\") REFERENCES \"User\"(id)" + BOTH_CASCADE));
    }

    @Test
    void onUpdateDefaultsToCascadeWhereTheSchemaGivesOnlyOnDelete(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        assertThat(catalog.constraints("Post")).containsExactly(
                entry("Post_authorId_fkey", "FOREIGN KEY (\"authorId\") REFERENCES \"User\"(id)" + BOTH_CASCADE),
                entry("Post_editorId_fkey", "FOREIGN KEY (\"editorId\") REFERENCES \"User\"(id)"
                        + " ON UPDATE CASCADE ON DELETE SET NULL"),
                entry("Post_pkey", "PRIMARY KEY (id)"));
        assertThat(catalog.indexes("Post")).containsEntry("Post_authorId_idx",
                "CREATE INDEX \"Post_authorId_idx\" ON \"Post\" USING btree (\"authorId\")");
    }

    @Test
    void eachActionNoteHasTheAccountCodeColumnItsActionNeeds(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        assertThat(catalog.columns("SetNullNote")).containsExactlyEntriesOf(ordered(
                "id", "integer GENERATED BY DEFAULT AS IDENTITY NOT NULL",
                "accountCode", "text"));
        for (String note : new String[] {"CascadeNote", "RestrictNote", "NoActionNote"}) {
            assertThat(catalog.columns(note)).as(note).containsEntry("accountCode", "text NOT NULL");
        }
        assertThat(catalog.indexes("Account")).containsEntry("Account_code_key",
                "CREATE UNIQUE INDEX \"Account_code_key\" ON \"Account\" USING btree (code)");
    }

    @Test
    void itemPointsAtTheCompoundKeyOfShelf(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        assertThat(catalog.constraints("Shelf")).containsExactly(entry("Shelf_pkey", "PRIMARY KEY (aisle, number)"));
        assertThat(catalog.columns("Item")).containsExactlyEntriesOf(ordered(
                "id", "integer GENERATED BY DEFAULT AS IDENTITY NOT NULL",
                "sku", "text NOT NULL",
                "shelfAisle", "text",
                "shelfNumber", "integer"));
        assertThat(catalog.constraints("Item")).containsExactly(
                entry("Item_pkey", "PRIMARY KEY (id)"),
                entry("Item_shelfAisle_shelfNumber_fkey", "FOREIGN KEY (\"shelfAisle\", \"shelfNumber\")"
                        + " REFERENCES \"Shelf\"(aisle, number) ON UPDATE CASCADE ON DELETE SET NULL"));
    }

    @Test
    void implicitManyToManyRelationsGetJoinTablesKeyedByThePairWithAnIndexOnB(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        for (String join : new String[] {"_PostToTag", "_Follows"}) {
            assertThat(catalog.columns(join)).as(join).containsExactlyEntriesOf(ordered(
                    "A", "integer NOT NULL",
                    "B", "integer NOT NULL"));
            assertThat(catalog.indexes(join)).as(join).containsExactly(
                    entry(join + "_AB_pkey", "CREATE UNIQUE INDEX \"" + join + "_AB_pkey\" ON \"" + join + "\""
                            + " USING btree (\"A\", \"B\")"),
                    entry(join + "_B_index", "CREATE INDEX \"" + join + "_B_index\" ON \"" + join + "\""
                            + " USING btree (\"B\")"));
        }
    }

    @Test
    void theExplicitJoinModelHasACompoundPrimaryKeyAndCascadesFromBothSides(PostgresNamespace postgres) {
        Catalog catalog = new Catalog(postgres);
        assertThat(catalog.columns("PostCategory")).containsExactlyEntriesOf(ordered(
                "postId", "integer NOT NULL",
                "categoryId", "integer NOT NULL",
                "assignedAt", "timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP"));
        assertThat(catalog.constraints("PostCategory")).containsExactly(
                entry("PostCategory_categoryId_fkey", "FOREIGN KEY (\"categoryId\") REFERENCES \"Category\"(id)"
                        + BOTH_CASCADE),
                entry("PostCategory_pkey", "PRIMARY KEY (\"postId\", \"categoryId\")"),
                entry("PostCategory_postId_fkey", "FOREIGN KEY (\"postId\") REFERENCES \"Post\"(id)" + BOTH_CASCADE));
    }

    @Test
    void theOneToOneKeyIsUnique(PostgresNamespace postgres) {
        assertThat(new Catalog(postgres).indexes("Profile")).containsExactly(
                entry("Profile_pkey", "CREATE UNIQUE INDEX \"Profile_pkey\" ON \"Profile\" USING btree (id)"),
                entry("Profile_userId_key", "CREATE UNIQUE INDEX \"Profile_userId_key\" ON \"Profile\""
                        + " USING btree (\"userId\")"));
    }
}
