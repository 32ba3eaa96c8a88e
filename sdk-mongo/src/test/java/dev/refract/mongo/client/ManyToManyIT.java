package dev.refract.mongo.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.mongo.store.Label;
import dev.refract.mongo.store.Product;
import dev.refract.mongo.store.RefractClient;
import dev.refract.test.isolation.MongoNamespace;
import java.time.Duration;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** A many-to-many relation kept as lists of ObjectIds on both sides: included, filtered and counted. */
class ManyToManyIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static MongoNamespace namespace;
    private static RefractClient db;

    @BeforeAll
    static void start() {
        namespace = MongoNamespace.create("ManyToManyIT");
        db = RefractClient.builder().datasource("docs", namespace.mongoUrl()).build();
    }

    @AfterAll
    static void stop() {
        db.close();
        namespace.close();
    }

    @Test
    void listsOfIdsAreStoredAsObjectIdsAndTheRelationIsIncludedFilteredAndCounted() {
        Label red = db.label().create(l -> l.name("red")).block(WAIT);
        Label big = db.label().create(l -> l.name("big")).block(WAIT);
        Label old = db.label().create(l -> l.name("old")).block(WAIT);
        db.product().create(p -> p.name("ball").labelIds(List.of(red.id(), big.id()))).block(WAIT);
        db.product().create(p -> p.name("cup").labelIds(List.of(big.id()))).block(WAIT);
        db.product().create(p -> p.name("box").labelIds(List.of())).block(WAIT);

        try (var driver = namespace.connect()) {
            BsonDocument raw = Mono.from(driver.getDatabase(namespace.database())
                    .getCollection("Product", BsonDocument.class).find(new BsonDocument("name",
                            new org.bson.BsonString("ball"))).first()).block(WAIT);
            assertThat(raw.getArray("labelIds").get(0).getBsonType()).isEqualTo(BsonType.OBJECT_ID);
        }

        List<Product> products = db.product().findMany(q -> q.orderBy(o -> o.name().asc())
                .include(i -> i.labels(l -> l.orderBy(o -> o.name().desc()).take(1)))).collectList().block(WAIT);
        assertThat(products).extracting(Product::name).containsExactly("ball", "box", "cup");
        assertThat(products.get(0).labels().get()).extracting(Label::name).containsExactly("red");
        assertThat(products.get(1).labels().get()).isEmpty();
        assertThat(products.get(2).labels().get()).extracting(Label::name).containsExactly("big");

        assertThat(db.product().findMany(q -> q.where(w -> w.labels().some(l -> l.name().eq("red"))))
                .map(Product::name).collectList().block(WAIT)).containsExactly("ball");
        assertThat(db.product().findMany(q -> q.where(w -> w.labels().none(l -> l.name().eq("big")))
                        .include(i -> i.count(c -> c.labels()))).collectList().block(WAIT))
                .singleElement().satisfies(box -> {
                    assertThat(box.name()).isEqualTo("box");
                    assertThat(box.relationCounts().labels()).isZero();
                });
        assertThat(old.id()).isNotNull();
    }
}
