package dev.refract.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.keyvalue.db.Device;
import com.example.keyvalue.db.RefractClient;
import com.example.keyvalue.db.Session;
import dev.refract.error.InvalidQueryException;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Includes between Redis models: the client core asks the adapter for the records related to a
 * batch of parents, which it reads by direct look-ups where the key is the id, and by one scan
 * otherwise. Relation filters and relation counts, which need a database that follows relations,
 * are refused with a way out.
 */
@RefractTestDatabases
class RelatedRecordsIT {

    private static RefractClient client;

    @BeforeAll
    static void seed(RedisNamespace redis) {
        client = KeyValueDatabase.open(redis);
        client.session().create(c -> c.id("s1").token("t1").userId("ann")).block();
        client.session().create(c -> c.id("s2").token("t2").userId("bob")).block();
        client.session().create(c -> c.id("s3").token("t3").userId("cid")).block();
        client.device().create(c -> c.id("d1").name("phone").sessionId("s1")).block();
        client.device().create(c -> c.id("d2").name("laptop").sessionId("s1")).block();
        client.device().create(c -> c.id("d3").name("tablet").sessionId("s2")).block();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void anIncludeOfAToManyRelationGivesEachParentItsOwnRecordsOrderedAndPaged() {
        List<Session> sessions = client.session().findMany(q -> q.orderBy(o -> o.id().asc())
                .include(i -> i.devices(d -> d.orderBy(o -> o.name().asc()).take(1)))).collectList().block();

        assertThat(sessions).extracting(Session::id).containsExactly("s1", "s2", "s3");
        assertThat(sessions.get(0).devices().get()).extracting(Device::name).containsExactly("laptop");
        assertThat(sessions.get(1).devices().get()).extracting(Device::name).containsExactly("tablet");
        assertThat(sessions.get(2).devices().get()).isEmpty();
    }

    @Test
    void anIncludeOfAToOneRelationReadsTheParentsById() {
        List<Device> devices = client.device().findMany(q -> q.orderBy(o -> o.id().asc())
                .include(i -> i.session())).collectList().block();

        assertThat(devices).extracting(device -> device.session().get().userId()).containsExactly("ann", "ann", "bob");
    }

    @Test
    void relationFiltersAndCountsAreRefusedWithAWayOut() {
        assertThatThrownBy(() -> client.session().findMany(q -> q.where(w -> w.devices().some(d -> d.name()
                .eq("phone")))).collectList().block())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Redis");
        assertThatThrownBy(() -> client.session().findMany(q -> q.include(i -> i.count(c -> c.devices())))
                .collectList().block())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("_count");
    }
}
