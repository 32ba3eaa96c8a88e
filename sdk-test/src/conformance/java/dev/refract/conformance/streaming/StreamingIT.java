package dev.refract.conformance.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.conformance.Conformance;
import dev.refract.conformance.ConformanceContext;
import dev.refract.conformance.client.RefractClient;
import dev.refract.conformance.client.Tick;
import dev.refract.conformance.client.TickCreate;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** A few thousand records streamed in order as the subscriber asks, and a stream cancelled half way. */
@Conformance
class StreamingIT {

    private static final int TICKS = 3_000;

    private final RefractClient db;

    StreamingIT(ConformanceContext context) {
        this.db = context.client();
    }

    @BeforeAll
    static void arrange(ConformanceContext context) {
        context.clear();
        List<TickCreate> ticks = IntStream.rangeClosed(1, TICKS)
                .mapToObj(seq -> new TickCreate().seq(seq).tag(seq % 2 == 0 ? "even" : "odd")).toList();
        context.client().tick().createMany(ticks).block(ConformanceContext.WAIT);
    }

    @Test
    void everyRecordStreamsOnceInOrder() {
        List<Integer> seen = db.tick().findMany(q -> q.orderBy(o -> o.seq().asc())).map(Tick::seq).collectList()
                .block(ConformanceContext.WAIT);
        assertThat(seen).hasSize(TICKS).isSorted().doesNotHaveDuplicates();
        assertThat(seen.get(0)).isEqualTo(1);
        assertThat(seen.get(TICKS - 1)).isEqualTo(TICKS);
    }

    @Test
    void recordsArriveOnlyAsTheSubscriberAsksForThem() {
        StepVerifier.create(db.tick().findMany(q -> q.where(w -> w.tag().eq("even")).orderBy(o -> o.seq().desc()))
                        .map(Tick::seq), 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(50))
                .thenRequest(2)
                .expectNext(TICKS, TICKS - 2)
                .thenRequest(1)
                .expectNext(TICKS - 4)
                .thenCancel()
                .verify(ConformanceContext.WAIT);
    }

    @Test
    void aStreamCancelledHalfWayStopsAndTheClientReadsOnAfterwards() {
        StepVerifier.create(db.tick().findMany(q -> q.orderBy(o -> o.seq().asc())).map(Tick::seq).take(TICKS / 2))
                .expectNextCount(TICKS / 2)
                .verifyComplete();
        for (int round = 0; round < 20; round++) {
            StepVerifier.create(db.tick().findMany(q -> q.orderBy(o -> o.seq().asc())).map(Tick::seq))
                    .expectNext(1, 2, 3)
                    .thenCancel()
                    .verify(ConformanceContext.WAIT);
        }
        StepVerifier.create(db.tick().count()).expectNext((long) TICKS).verifyComplete();
    }
}
