package dev.refract.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.keyvalue.db.Member;
import com.example.keyvalue.db.MemberCreate;
import com.example.keyvalue.db.Price;
import com.example.keyvalue.db.RefractClient;
import com.example.keyvalue.db.Session;
import com.example.keyvalue.db.SessionCreate;
import dev.refract.error.QueryFailedException;
import dev.refract.error.RecordNotFoundException;
import dev.refract.error.UniqueConstraintViolationException;
import dev.refract.json.Json;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every model operation of a Redis datasource through the generated client, against a real Redis. */
@RefractTestDatabases
class KeyValueOperationsIT {

    private RedisNamespace redis;
    private RefractClient client;

    @BeforeEach
    void open(RedisNamespace namespace) {
        redis = namespace;
        client = KeyValueDatabase.open(namespace);
        client.session().deleteMany().block();
        client.member().deleteMany().block();
        client.price().deleteMany().block();
    }

    @AfterEach
    void close() {
        client.close();
    }

    private Session session(String token, String user) {
        return client.session().create(c -> c.token(token).userId(user)).block();
    }

    @Test
    void aCreatedRecordIsAHashAtItsKeyWithAnIndexKeyPerUniqueField() {
        Session created = client.session().create(c -> c.token("t-1").userId("u1")
                .data_(Json.of(Map.of("theme", "dark")))).block();

        assertThat(created.id()).isNotBlank();
        assertThat(created.hits()).isZero();
        String base = redis.prefix() + "{Session}:";
        assertThat(redis.keys()).containsExactlyInAnyOrder(base + created.id(), base + "token=t-1");
        assertThat(client.session().findUnique(q -> q.where(w -> w.id(created.id()))).block()).isEqualTo(created);
        assertThat(client.session().findUnique(q -> q.where(w -> w.token("t-1"))).block()).isEqualTo(created);
        assertThat(client.session().findUnique(q -> q.where(w -> w.token("t-2"))).block()).isNull();
    }

    @Test
    void aSecondRecordWithATakenUniqueValueIsRefusedNamingTheField() {
        session("same", "u1");

        assertThatThrownBy(() -> session("same", "u2"))
                .isInstanceOfSatisfying(UniqueConstraintViolationException.class, e -> {
                    assertThat(e.model()).isEqualTo("Session");
                    assertThat(e.fields()).containsExactly("token");
                });
        assertThat(client.session().count().block()).isEqualTo(1);
    }

    @Test
    void findManyScansWithTheFilterOrderAndPagingOfSql() {
        for (int i = 1; i <= 7; i++) {
            session("t" + i, i % 2 == 0 ? "even" : "odd");
        }

        List<String> odd = client.session().findMany(q -> q.where(w -> w.userId().eq("odd"))
                .orderBy(o -> o.token().desc()).skip(1).take(2)).map(Session::token).collectList().block();
        assertThat(odd).containsExactly("t5", "t3");
        assertThat(client.session().count(q -> q.where(w -> w.token().in(List.of("t1", "t2", "t9"))))
                .block()).isEqualTo(2);
        assertThat(client.session().findFirst(q -> q.where(w -> w.userId().eq("even"))
                .orderBy(o -> o.token().asc())).map(Session::token).block()).isEqualTo("t2");
        assertThat(client.session().findMany().count().block()).isEqualTo(7);
    }

    @Test
    void updateChangesTheRecordAndMovesItsIndexKey() {
        Session created = session("old", "u1");

        Session updated = client.session().update(w -> w.token("old"), u -> u.token("new").userId("u2")).block();

        assertThat(updated.token()).isEqualTo("new");
        assertThat(updated.userId()).isEqualTo("u2");
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(client.session().findUnique(q -> q.where(w -> w.token("old"))).block()).isNull();
        assertThat(client.session().findUnique(q -> q.where(w -> w.token("new"))).block()).isEqualTo(updated);
        assertThat(redis.keys()).containsExactlyInAnyOrder(redis.prefix() + "{Session}:" + created.id(),
                redis.prefix() + "{Session}:token=new");
    }

    @Test
    void anUpdateOntoATakenUniqueValueChangesNothing() {
        session("a", "u1");
        session("b", "u2");

        assertThatThrownBy(() -> client.session().update(w -> w.token("b"), u -> u.token("a").userId("changed"))
                .block()).isInstanceOf(UniqueConstraintViolationException.class);
        assertThat(client.session().findUnique(q -> q.where(w -> w.token("b"))).block().userId()).isEqualTo("u2");
    }

    @Test
    void updateAndDeleteOfAMissingRecordAreRecordNotFound() {
        assertThatThrownBy(() -> client.session().update(w -> w.token("none"), u -> u.userId("x")).block())
                .isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> client.session().delete(w -> w.id("none")).block())
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void incrementAndDecrementAreAtomicAndMultiplyAndDivideExact() {
        Session created = session("n", "u1");

        client.session().update(w -> w.id(created.id()), u -> u.hits().increment(5).score().increment(1.5)).block();
        client.session().update(w -> w.id(created.id()), u -> u.hits().decrement(2)).block();
        Session multiplied = client.session().update(w -> w.id(created.id()),
                u -> u.hits().multiply(4).score().divide(3.0)).block();

        assertThat(multiplied.hits()).isEqualTo(12);
        assertThat(multiplied.score()).isEqualTo(0.5);
        Session divided = client.session().update(w -> w.id(created.id()), u -> u.hits().divide(5)).block();
        assertThat(divided.hits()).isEqualTo(2);
    }

    @Test
    void anUpdateWithExtraConditionsAppliesOnlyWhileTheyHoldAsAVersionCheck() {
        Session created = session("v", "u1");

        List<String> outcomes = Flux.range(0, 20)
                .flatMap(n -> client.session().update(w -> w.id(created.id()).and(a -> a.hits().eq(0)),
                                u -> u.hits(1).userId("winner-" + n)).map(Session::userId)
                        .onErrorResume(RecordNotFoundException.class, lost -> Mono.just("lost")),
                        20)
                .collectList().block();

        assertThat(outcomes).filteredOn(outcome -> outcome.startsWith("winner")).hasSize(1);
        assertThat(outcomes).filteredOn("lost"::equals).hasSize(19);
        assertThat(client.session().findUnique(q -> q.where(w -> w.id(created.id()))).block().hits()).isEqualTo(1);
    }

    @Test
    void aDeleteWithExtraConditionsDeletesNothingOnceTheyNoLongerHold() {
        Session created = session("gone-if", "u1");
        client.session().update(w -> w.id(created.id()), u -> u.hits().increment(1)).block();

        assertThatThrownBy(() -> client.session().delete(w -> w.id(created.id()).and(a -> a.hits().eq(0))).block())
                .isInstanceOf(RecordNotFoundException.class);
        assertThat(client.session().deleteMany(w -> w.token().eq("gone-if").hits().eq(0)).block()).isZero();
        assertThat(client.session().delete(w -> w.id(created.id()).and(a -> a.hits().eq(1))).block().id())
                .isEqualTo(created.id());
    }

    @Test
    void anIncrementBeyondTheRangeOfAnIntIsRefusedAndChangesNothing() {
        Session created = session("big", "u1");
        client.session().update(w -> w.id(created.id()), u -> u.hits(Integer.MAX_VALUE - 1)).block();

        assertThatThrownBy(() -> client.session().update(w -> w.id(created.id()), u -> u.hits().increment(2)
                .userId("changed")).block())
                .isInstanceOf(QueryFailedException.class).hasMessageContaining("hits").hasMessageContaining("BigInt");
        Session kept = client.session().findUnique(q -> q.where(w -> w.id(created.id()))).block();
        assertThat(kept.hits()).isEqualTo(Integer.MAX_VALUE - 1);
        assertThat(kept.userId()).isEqualTo("u1");
    }

    @Test
    void upsertCreatesThenUpdates() {
        Session first = client.session().upsert(w -> w.token("u"), c -> c.token("u").userId("created"),
                u -> u.userId("updated")).block();
        Session second = client.session().upsert(w -> w.token("u"), c -> c.token("u").userId("created"),
                u -> u.userId("updated")).block();

        assertThat(first.userId()).isEqualTo("created");
        assertThat(second.userId()).isEqualTo("updated");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(client.session().count().block()).isEqualTo(1);
    }

    @Test
    void deleteRemovesTheRecordAndItsIndexKeys() {
        Session created = session("d", "u1");
        session("keep", "u1");

        Session deleted = client.session().delete(w -> w.token("d")).block();

        assertThat(deleted).isEqualTo(created);
        assertThat(redis.keys()).noneMatch(key -> key.endsWith(created.id()) || key.endsWith("token=d"));
        assertThat(client.session().deleteMany(w -> w.userId().equals("u1")).block()).isEqualTo(1);
        assertThat(redis.keys()).isEmpty();
    }

    @Test
    void createManySkipsDuplicatesWhenAskedAndReturnsWhatItCreated() {
        session("dup", "u1");

        Long created = client.session().createMany(List.of(new SessionCreate().token("dup").userId("u2"),
                new SessionCreate().token("fresh").userId("u2")), true).block();
        List<Session> returned = client.session().createManyAndReturn(List.of(
                new SessionCreate().token("r1").userId("u3"), new SessionCreate().token("r2").userId("u3")))
                .collectList().block();

        assertThat(created).isEqualTo(1);
        assertThat(returned).extracting(Session::token).containsExactly("r1", "r2");
        assertThatThrownBy(() -> client.session().createMany(List.of(new SessionCreate().token("dup").userId("x")))
                .block()).isInstanceOf(UniqueConstraintViolationException.class);
    }

    @Test
    void updateManyAndReturnChangesEveryMatchingRecord() {
        session("m1", "many");
        session("m2", "many");
        session("m3", "other");

        assertThat(client.session().updateMany(w -> w.userId().eq("many"), u -> u.hits().increment(1)).block())
                .isEqualTo(2);
        List<Session> returned = client.session().updateManyAndReturn(w -> w.userId().eq("many"),
                u -> u.userId("moved")).collectList().block();

        assertThat(returned).extracting(Session::userId).containsOnly("moved");
        assertThat(returned).extracting(Session::hits).containsOnly(1);
        assertThat(client.session().count(q -> q.where(w -> w.userId().eq("moved"))).block()).isEqualTo(2);
    }

    @Test
    void aCompoundIdAndACompoundUniqueKeyFindTheirRecord() {
        Member member = client.member().create(c -> c.tenant("a:b").code(7).email("x@y").name("X")).block();

        assertThat(client.member().findUnique(q -> q.where(w -> w.tenantCode("a:b", 7))).block()).isEqualTo(member);
        assertThat(client.member().findUnique(q -> q.where(w -> w.tenantEmail("a:b", "x@y"))).block())
                .isEqualTo(member);
        assertThat(redis.keys()).contains(redis.prefix() + "{Member}:a%3Ab:7",
                redis.prefix() + "{Member}:tenant,email=a%3Ab:x@y");
        assertThatThrownBy(() -> client.member().createMany(List.of(new MemberCreate().tenant("a:b").code(8)
                .email("x@y").name("Y"))).block())
                .isInstanceOfSatisfying(UniqueConstraintViolationException.class,
                        e -> assertThat(e.fields()).containsExactly("tenant", "email"));
        Member renumbered = client.member().update(w -> w.tenantCode("a:b", 7), u -> u.code(9)).block();
        assertThat(renumbered.code()).isEqualTo(9);
        assertThat(client.member().findUnique(q -> q.where(w -> w.tenantEmail("a:b", "x@y"))).block())
                .isEqualTo(renumbered);
        assertThat(client.member().findUnique(q -> q.where(w -> w.tenantCode("a:b", 7))).block()).isNull();
    }

    @Test
    void uniqueDecimalsCollideByValueWhateverTheirScale() {
        Price price = client.price().create(c -> c.amount(new BigDecimal("1.50")).weight(2.0)).block();

        assertThatThrownBy(() -> client.price().create(c -> c.amount(new BigDecimal("1.5")).weight(3.0)).block())
                .isInstanceOfSatisfying(UniqueConstraintViolationException.class,
                        e -> assertThat(e.fields()).containsExactly("amount"));
        assertThat(client.price().findUnique(q -> q.where(w -> w.amount(new BigDecimal("1.5000")))).block())
                .isEqualTo(price);
        Price raised = client.price().update(w -> w.id(price.id()), u -> u.amount().increment(new BigDecimal("0.50"))
                .weight().increment(0.5)).block();
        assertThat(raised.amount()).isEqualTo(new BigDecimal("2.00"));
        assertThat(client.price().findUnique(q -> q.where(w -> w.amount(new BigDecimal("2")))).block())
                .isEqualTo(raised);
        assertThat(client.price().findUnique(q -> q.where(w -> w.weight(2.5))).block()).isEqualTo(raised);
        assertThat(client.price().findUnique(q -> q.where(w -> w.amount(new BigDecimal("1.5")))).block()).isNull();
    }

    @Test
    void transactionsAreRefusedWithAClearError() {
        assertThatThrownBy(() -> client.transaction(tx -> tx.session().count()).blockLast())
                .hasMessageContaining("has no transactions");
    }
}
