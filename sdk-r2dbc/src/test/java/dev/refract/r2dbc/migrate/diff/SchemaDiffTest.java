package dev.refract.r2dbc.migrate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.ReferentialAction;
import dev.refract.r2dbc.catalog.Catalog;
import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.EnumType;
import dev.refract.r2dbc.catalog.Catalog.ForeignKey;
import dev.refract.r2dbc.catalog.Catalog.Index;
import dev.refract.r2dbc.catalog.Catalog.PrimaryKey;
import dev.refract.r2dbc.catalog.Catalog.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

    private static final Column ID = new Column("id", "integer", false, null, true);
    private static final EnumType ROLE = new EnumType("Role", List.of("READER", "AUTHOR"));

    private static Column column(String name, String type) {
        return new Column(name, type, false, null, false);
    }

    private static Table table(String name, List<Column> columns, List<Index> indexes, List<ForeignKey> keys) {
        List<Column> all = new java.util.ArrayList<>(List.of(ID));
        all.addAll(columns);
        return new Table(name, all, new PrimaryKey(name + "_pkey", List.of("id")), indexes, keys);
    }

    private static final Table USER = table("User", List.of(new Column("role", "\"Role\"", false, "'READER'", false)),
            List.of(), List.of());

    private static ForeignKey authorKey(String table) {
        return new ForeignKey(table + "_authorId_fkey", List.of("authorId"), "User", List.of("id"),
                ReferentialAction.SET_NULL, ReferentialAction.CASCADE);
    }

    private static final Table POST = table("Post", List.of(column("title", "text"),
                    new Column("authorId", "integer", true, null, false)),
            List.of(new Index("Post_title_idx", List.of("title"), false)), List.of(authorKey("Post")));

    private static List<Class<?>> kinds(SchemaChanges migration) {
        return migration.steps().stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void anEmptyDatabaseGetsEnumsFirstThenTablesThenIndexesThenForeignKeys() {
        SchemaChanges migration = SchemaDiff.between(Catalog.EMPTY, new Catalog(List.of(USER, POST), List.of(ROLE)),
                Renames.NONE);

        assertThat(kinds(migration)).containsExactly(Step.CreateEnum.class, Step.CreateTable.class,
                Step.CreateTable.class, Step.CreateIndex.class, Step.AddForeignKey.class);
        assertThat(migration.hazards()).isEmpty();
    }

    @Test
    void equalCatalogsNeedNoStep() {
        Catalog catalog = new Catalog(List.of(USER, POST), List.of(ROLE));

        assertThat(SchemaDiff.between(catalog, catalog, Renames.NONE).isEmpty()).isTrue();
    }

    @Test
    void aDroppedTableLosesItsForeignKeysFirstAndItsRowsAreCounted() {
        SchemaChanges migration = SchemaDiff.between(new Catalog(List.of(USER, POST), List.of(ROLE)),
                new Catalog(List.of(USER), List.of(ROLE)), Renames.NONE);

        assertThat(migration.steps()).containsExactly(new Step.DropForeignKey("Post", "Post_authorId_fkey"),
                new Step.DropTable("Post"));
        assertThat(migration.hazards()).containsExactly(new Hazard.DroppedTable("Post"));
    }

    @Test
    void aModelAndFieldWithNewDatabaseNamesAreRenamedWhenTheRenamesAreKnown() {
        Table posts = table("posts", List.of(column("headline", "text"), new Column("authorId", "integer", true, null,
                false)), List.of(new Index("posts_headline_idx", List.of("headline"), false)), List.of(authorKey("posts")));
        Renames renames = new Renames(Map.of("posts", "Post"), Map.of("posts", Map.of("headline", "title")));

        SchemaChanges migration = SchemaDiff.between(new Catalog(List.of(USER, POST), List.of(ROLE)),
                new Catalog(List.of(USER, posts), List.of(ROLE)), renames);

        assertThat(migration.steps()).containsExactly(
                new Step.DropForeignKey("Post", "Post_authorId_fkey"),
                new Step.RenameTable("Post", "posts"),
                new Step.RenameColumn("posts", "title", "headline"),
                new Step.RenamePrimaryKey("posts", "Post_pkey", "posts_pkey"),
                new Step.RenameIndex("posts", "Post_title_idx", "posts_headline_idx"),
                new Step.AddForeignKey("posts", authorKey("posts")));
        assertThat(migration.hazards()).isEmpty();
    }

    @Test
    void withoutKnownRenamesANewDatabaseNameIsADropAndAnAdd() {
        Table posts = table("posts", List.of(column("title", "text")), List.of(), List.of());

        SchemaChanges migration = SchemaDiff.between(new Catalog(List.of(USER, POST), List.of(ROLE)),
                new Catalog(List.of(USER, posts), List.of(ROLE)), Renames.NONE);

        assertThat(migration.steps()).contains(new Step.DropTable("Post"), new Step.CreateTable(posts));
        assertThat(migration.hazards()).containsExactly(new Hazard.DroppedTable("Post"));
    }

    @Test
    void enumValuesAddedKeepTheirPlaceInTheType() {
        SchemaChanges migration = SchemaDiff.between(new Catalog(List.of(), List.of(new EnumType("E", List.of("A", "C")))),
                new Catalog(List.of(), List.of(new EnumType("E", List.of("Z", "A", "B", "C", "D")))), Renames.NONE);

        assertThat(migration.steps()).containsExactly(new Step.AddEnumValue("E", "Z", "A", null),
                new Step.AddEnumValue("E", "B", null, "A"), new Step.AddEnumValue("E", "D", null, "C"));
    }

    @Test
    void anEnumThatLosesAValueIsRecreatedWithItsColumnsAndTheirNewDefault() {
        EnumType next = new EnumType("Role", List.of("READER", "EDITOR"));
        Table user = table("User", List.of(new Column("role", "\"Role\"", false, "'EDITOR'", false)), List.of(),
                List.of());

        SchemaChanges migration = SchemaDiff.between(new Catalog(List.of(USER), List.of(ROLE)),
                new Catalog(List.of(user), List.of(next)), Renames.NONE);

        assertThat(migration.steps()).containsExactly(
                new Step.RecreateEnum(next, "Role_old", List.of(new Step.EnumColumn("User", "role", false, "'EDITOR'"))),
                new Step.DropEnum("Role_old"));
        assertThat(migration.hazards()).containsExactly(
                new Hazard.RemovedEnumValues("User", "role", false, List.of("AUTHOR")));
    }

    @Test
    void aRequiredColumnWithoutDefaultCannotFillExistingRows() {
        Table withAge = table("User", List.of(USER.columns().get(1), column("age", "integer")), List.of(), List.of());
        Table withDefault = table("User", List.of(USER.columns().get(1), new Column("age", "integer", false, "0", false)),
                List.of(), List.of());

        SchemaChanges refused = SchemaDiff.between(new Catalog(List.of(USER), List.of(ROLE)),
                new Catalog(List.of(withAge), List.of(ROLE)), Renames.NONE);
        SchemaChanges filled = SchemaDiff.between(new Catalog(List.of(USER), List.of(ROLE)),
                new Catalog(List.of(withDefault), List.of(ROLE)), Renames.NONE);

        assertThat(refused.hazards()).containsExactly(new Hazard.RequiredColumnWithoutDefault("User", "age"));
        assertThat(refused.hazards().get(0).blocking()).isTrue();
        assertThat(filled.hazards()).isEmpty();
        assertThat(filled.steps()).containsExactly(new Step.AddColumn("User", withDefault.columns().get(2)));
    }

    @Test
    void aNarrowerTypeCountsTheValuesThatDoNotFitAndAWiderOneNothing() {
        Table before = table("T", List.of(column("a", "character varying(80)"), column("b", "integer"),
                column("c", "text"), column("d", "numeric(10,2)")), List.of(), List.of());
        Table after = table("T", List.of(column("a", "character varying(20)"), column("b", "bigint"),
                column("c", "integer"), column("d", "numeric(12,3)")), List.of(), List.of());

        SchemaChanges migration = SchemaDiff.between(new Catalog(List.of(before), List.of()),
                new Catalog(List.of(after), List.of()), Renames.NONE);

        assertThat(migration.steps()).hasSize(4).allMatch(step -> step instanceof Step.AlterColumn);
        assertThat(migration.hazards()).containsExactly(
                new Hazard.NarrowedType("T", "a", "character varying(80)", "character varying(20)", 20),
                new Hazard.NarrowedType("T", "c", "text", "integer", null));
    }

    @Test
    void aMySqlEnumColumnThatLosesAValueCountsTheRowsHoldingIt() {
        Table before = table("T", List.of(column("colour", "enum('RED','GREEN')")), List.of(), List.of());
        Table after = table("T", List.of(column("colour", "enum('RED','BLUE')")), List.of(), List.of());

        SchemaChanges migration = SchemaDiff.between(new Catalog(List.of(before), List.of()),
                new Catalog(List.of(after), List.of()), Renames.NONE);

        assertThat(migration.hazards()).containsExactly(
                new Hazard.RemovedEnumValues("T", "colour", false, List.of("GREEN")));
    }

    @Test
    void aColumnMadeRequiredCountsItsNullsAndOneMadeOptionalNothing() {
        Table optional = table("T", List.of(new Column("name", "text", true, null, false)), List.of(), List.of());
        Table required = table("T", List.of(column("name", "text")), List.of(), List.of());

        assertThat(SchemaDiff.between(new Catalog(List.of(optional), List.of()), new Catalog(List.of(required),
                List.of()), Renames.NONE).hazards()).containsExactly(new Hazard.NullsInRequiredColumn("T", "name"));
        assertThat(SchemaDiff.between(new Catalog(List.of(required), List.of()), new Catalog(List.of(optional),
                List.of()), Renames.NONE).hazards()).isEmpty();
    }

    @Test
    void aDroppedColumnGoesAfterTheIndexesOnIt() {
        Table without = table("Post", List.of(new Column("authorId", "integer", true, null, false)), List.of(),
                List.of(authorKey("Post")));

        SchemaChanges migration = SchemaDiff.between(new Catalog(List.of(USER, POST), List.of(ROLE)),
                new Catalog(List.of(USER, without), List.of(ROLE)), Renames.NONE);

        assertThat(migration.steps()).containsExactly(new Step.DropIndex("Post", "Post_title_idx"),
                new Step.DropColumn("Post", "title"));
        assertThat(migration.hazards()).containsExactly(new Hazard.DroppedColumn("Post", "title"));
    }
}
