package dev.refract.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.keyvalue.db.Item;
import com.example.keyvalue.db.ItemCreate;
import com.example.keyvalue.db.RefractClient;
import com.example.keyvalue.db.Session;
import dev.refract.error.UniqueConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The basic operations through a Redis Cluster of three masters started on loopback ports: each
 * model's keys share a hash slot, so the write scripts run on the cluster, and a scan reads every
 * master. Skipped, saying why, where {@code redis-server} or {@code redis-cli} is not installed.
 */
class ClusterIT {

    private static LocalCluster cluster;
    private static RefractClient client;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(LocalCluster.available(),
                "redis-server and redis-cli are not on the PATH: the Redis Cluster test needs them to start a cluster");
        cluster = LocalCluster.start();
        client = RefractClient.builder().datasource("kv", cluster.url("clustered")).build();
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void recordsAreCreatedFoundUpdatedAndDeletedThroughTheCluster() {
        Session created = client.session().create(c -> c.token("c-1").userId("u1")).block();

        assertThat(client.session().findUnique(q -> q.where(w -> w.token("c-1"))).block()).isEqualTo(created);
        Session updated = client.session().update(w -> w.id(created.id()), u -> u.token("c-2").hits().increment(3))
                .block();
        assertThat(updated.hits()).isEqualTo(3);
        assertThat(client.session().findUnique(q -> q.where(w -> w.token("c-1"))).block()).isNull();
        client.session().create(c -> c.token("c-3").userId("u2")).block();
        assertThatThrownBy(() -> client.session().create(c -> c.token("c-2").userId("u3")).block())
                .isInstanceOf(UniqueConstraintViolationException.class);
        Session upserted = client.session().upsert(w -> w.token("c-2"), c -> c.token("c-2").userId("x"),
                u -> u.userId("upserted")).block();
        assertThat(upserted.userId()).isEqualTo("upserted");
        assertThat(client.session().delete(w -> w.token("c-3")).block().userId()).isEqualTo("u2");
        assertThat(client.session().count().block()).isEqualTo(1);
    }

    @Test
    void scansFindTheRecordsOfModelsOnEveryMaster() {
        List<ItemCreate> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(new ItemCreate().label("i" + i).count_(i));
        }
        client.item().createMany(items).block();
        client.member().create(c -> c.tenant("t").code(1).email("e").name("n")).block();

        assertThat(client.item().count(q -> q.where(w -> w.count_().lt(10))).block()).isEqualTo(10);
        assertThat(client.item().findMany(q -> q.orderBy(o -> o.count_().desc()).take(2)).map(Item::label)
                .collectList().block()).containsExactly("i49", "i48");
        assertThat(client.member().findUnique(q -> q.where(w -> w.tenantEmail("t", "e"))).block().name())
                .isEqualTo("n");
        assertThat(client.item().deleteMany(w -> w.count_().gte(25)).block()).isEqualTo(25);
        assertThat(client.item().count().block()).isEqualTo(25);
    }
}
