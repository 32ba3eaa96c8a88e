package dev.refract.mongo.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {

    private static IndexDefinition index(String name, String... fields) {
        return new IndexDefinition(name, List.of(fields), false, null, null);
    }

    private static DatabaseSchema schema(CollectionDefinition... collections) {
        return new DatabaseSchema(List.of(collections));
    }

    @Test
    void anEmptyDatabaseGetsEveryCollectionThenEveryIndex() {
        DatabaseSchema wanted = schema(new CollectionDefinition("A", List.of(index("A_x_idx", "x"))),
                new CollectionDefinition("B", List.of()));

        assertThat(SchemaDiff.between(DatabaseSchema.EMPTY, wanted)).containsExactly(
                new SchemaStep.CreateCollection("A"), new SchemaStep.CreateCollection("B"),
                new SchemaStep.CreateIndex("A", index("A_x_idx", "x")));
    }

    @Test
    void theSameSchemaNeedsNoStep() {
        DatabaseSchema wanted = schema(new CollectionDefinition("A", List.of(index("A_x_idx", "x"))));

        assertThat(SchemaDiff.between(wanted, wanted)).isEmpty();
    }

    @Test
    void aChangedIndexIsDroppedBeforeItIsCreatedAgainAndAGoneOneIsDropped() {
        DatabaseSchema current = schema(new CollectionDefinition("A", List.of(index("A_x_idx", "x"),
                index("A_gone_idx", "gone"))));
        IndexDefinition ttl = new IndexDefinition("A_x_idx", List.of("x"), false, 60L, null);

        assertThat(SchemaDiff.between(current, schema(new CollectionDefinition("A", List.of(ttl))))).containsExactly(
                new SchemaStep.DropIndex("A", "A_x_idx"), new SchemaStep.DropIndex("A", "A_gone_idx"),
                new SchemaStep.CreateIndex("A", ttl));
    }

    @Test
    void aCollectionTheSchemaNoLongerHasIsKept() {
        DatabaseSchema current = schema(new CollectionDefinition("Old", List.of(index("Old_x_idx", "x"))));

        assertThat(SchemaDiff.between(current, DatabaseSchema.EMPTY)).isEmpty();
    }

    @Test
    void replayingTheStepsMakesTheTarget() {
        DatabaseSchema current = schema(new CollectionDefinition("A", List.of(index("A_x_idx", "x"))));
        IndexDefinition unique = new IndexDefinition("B_y_key", List.of("y"), true, null,
                new Document("y", new Document("$type", "string")));
        DatabaseSchema wanted = schema(new CollectionDefinition("A", List.of(index("A_z_idx", "z"))),
                new CollectionDefinition("B", List.of(unique)));

        DatabaseSchema replayed = current;
        for (SchemaStep step : SchemaDiff.between(current, wanted)) {
            replayed = replayed.after(SchemaStep.of(step.command()));
        }

        assertThat(SchemaDiff.between(replayed, wanted)).isEmpty();
        assertThat(replayed.after(new SchemaStep.DropCollection("B")).collection("B")).isEmpty();
    }

    @Test
    void aCommandRefractDoesNotWriteIsRunAsWrittenAndChangesNothingKnown() {
        Document collMod = new Document("collMod", "A").append("validator", new Document());

        SchemaStep step = SchemaStep.of(collMod);

        assertThat(step).isEqualTo(new SchemaStep.Command(collMod));
        assertThat(DatabaseSchema.EMPTY.after(step)).isEqualTo(DatabaseSchema.EMPTY);
    }
}
