package dev.refract.r2dbc.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.relations.db.RefractClient;
import com.example.relations.db.RefractClientMetadata;
import com.example.relations.db.Tag;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An upsert that finds its record by a key the create does not write (an autoincrement id) updates
 * the record it finds and creates one only when there is none, like one whose create repeats the key.
 */
@RefractTestDatabases
class UpsertWithGeneratedKeysIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static RefractClient db;

    @BeforeAll
    static void pushAndConnect(PostgresNamespace postgres) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl()))
                .block(Duration.ofSeconds(30));
        db = RefractClient.builder().datasource("db", postgres.r2dbcUrl()).build();
    }

    @AfterAll
    static void close() {
        db.closeAsync().block(WAIT);
    }

    @BeforeEach
    void emptyTags() {
        db.tag().deleteMany().block(WAIT);
    }

    @Test
    void anExistingRecordFoundByItsGeneratedIdIsUpdatedNotDuplicated() {
        Tag java = db.tag().create(c -> c.name("java")).block(WAIT);

        Tag upserted = db.tag().upsert(w -> w.id(java.id()), c -> c.name("jvm"), u -> u.name("java-17")).block(WAIT);

        assertThat(upserted.id()).isEqualTo(java.id());
        assertThat(upserted.name()).isEqualTo("java-17");
        assertThat(db.tag().findMany().map(Tag::name).collectList().block(WAIT)).containsExactly("java-17");
    }

    @Test
    void aMissingRecordIsCreatedWithTheCreateValuesAndANewId() {
        Tag kept = db.tag().create(c -> c.name("kept")).block(WAIT);

        Tag upserted = db.tag().upsert(w -> w.id(kept.id() + 1000), c -> c.name("fresh"), u -> u.name("unused"))
                .block(WAIT);

        assertThat(upserted.name()).isEqualTo("fresh");
        assertThat(upserted.id()).isNotEqualTo(kept.id() + 1000);
        assertThat(db.tag().findMany(q -> q.orderBy(o -> o.name().asc())).map(Tag::name).collectList().block(WAIT))
                .containsExactly("fresh", "kept");
    }

    @Test
    void aCreateWritingADifferentKeyDoesNotTouchTheRecordOfThatKey() {
        Tag first = db.tag().create(c -> c.name("first")).block(WAIT);
        Tag second = db.tag().create(c -> c.name("second")).block(WAIT);

        // finds by the first's name, creates with the second's id: the first is updated, the second untouched
        Tag upserted = db.tag().upsert(w -> w.name("first"), c -> c.id(second.id()).name("first"),
                u -> u.name("first-updated")).block(WAIT);

        assertThat(upserted.id()).isEqualTo(first.id());
        assertThat(db.tag().findMany(q -> q.orderBy(o -> o.id().asc())).map(Tag::name).collectList().block(WAIT))
                .containsExactly("first-updated", "second");
    }
}
