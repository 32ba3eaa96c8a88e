package dev.refract.mongo.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import com.mongodb.event.ConnectionCheckedInEvent;
import com.mongodb.event.ConnectionCheckedOutEvent;
import com.mongodb.event.ConnectionPoolListener;
import dev.refract.meta.PoolMeta;
import dev.refract.mongo.MongoAdapter;
import dev.refract.mongo.MongoAdapterOptions;
import dev.refract.mongo.store.RefractClientMetadata;
import dev.refract.query.Filter;
import dev.refract.query.Operation;
import dev.refract.query.OrderBy;
import dev.refract.query.Query;
import dev.refract.query.Selection;
import dev.refract.spi.AdapterConfig;
import dev.refract.test.isolation.MongoNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Cancels 500 streams after their first rows and shows that none leaks: every server cursor they
 * opened is closed again (counted from the driver's command events: cursors answered by
 * {@code find}, {@code aggregate} and {@code getMore}, closed by exhaustion or {@code killCursors}),
 * and every connection checked out of the pool is checked back in.
 */
class CancelledStreamsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int STREAMS = 500;

    private static MongoNamespace namespace;
    private static MongoAdapter adapter;
    private static final Set<Long> openCursors = ConcurrentHashMap.newKeySet();
    private static final Map<Integer, Long> getMoreCursors = new ConcurrentHashMap<>();
    private static final AtomicLong cursorsOpened = new AtomicLong();
    private static final AtomicLong checkedOut = new AtomicLong();
    private static final AtomicLong checkedIn = new AtomicLong();

    @BeforeAll
    static void start() {
        namespace = MongoNamespace.create("CancelledStreamsIT");
        CommandListener cursors = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonDocument command = event.getCommand();
                if ("getMore".equals(event.getCommandName())) {
                    getMoreCursors.put(event.getRequestId(), command.getInt64("getMore").getValue());
                }
                if ("killCursors".equals(event.getCommandName())) {
                    for (BsonValue id : command.getArray("cursors")) {
                        openCursors.remove(id.asInt64().getValue());
                    }
                }
            }

            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                String name = event.getCommandName();
                if (!List.of("find", "aggregate", "getMore").contains(name)) {
                    return;
                }
                long id = event.getResponse().getDocument("cursor").getNumber("id").longValue();
                Long asked = getMoreCursors.remove(event.getRequestId());
                if (id != 0 && asked == null) {
                    openCursors.add(id);
                    cursorsOpened.incrementAndGet();
                } else if (id == 0 && asked != null) {
                    openCursors.remove(asked);
                }
            }
        };
        ConnectionPoolListener pool = new ConnectionPoolListener() {
            @Override
            public void connectionCheckedOut(ConnectionCheckedOutEvent event) {
                checkedOut.incrementAndGet();
            }

            @Override
            public void connectionCheckedIn(ConnectionCheckedInEvent event) {
                checkedIn.incrementAndGet();
            }
        };
        MongoAdapterOptions options = MongoAdapterOptions.defaults().withFetchSize(10).withSettings(settings -> settings
                .addCommandListener(cursors).applyToConnectionPoolSettings(p -> p.addConnectionPoolListener(pool)));
        adapter = new MongoAdapter(new AdapterConfig(RefractClientMetadata.SCHEMA, RefractClientMetadata.DOCS_DATASOURCE,
                namespace.mongoUrl(), new PoolMeta(8, null, null, null)), options);
        try (var client = namespace.connect()) {
            List<BsonDocument> documents = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                documents.add(new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                        .append("email", new BsonString(i + "@x")).append("name", new BsonString("n" + i))
                        .append("tier", new BsonString("FREE")).append("karma", new BsonInt64(i)));
            }
            Mono.from(client.getDatabase(namespace.database()).getCollection("Customer", BsonDocument.class)
                    .insertMany(documents)).block(WAIT);
        }
    }

    @AfterAll
    static void stop() {
        adapter.close().block(WAIT);
        namespace.close();
    }

    @Test
    void fiveHundredCancelledStreamsLeaveNoCursorOpenAndEveryConnectionBackInThePool() throws InterruptedException {
        Query byKarma = new Query(Filter.ALL, List.of(new OrderBy(4, OrderBy.Direction.ASC, OrderBy.Nulls.DEFAULT)), 0,
                null, null, List.of(), Selection.ALL);
        Operation read = new Operation.FindMany(RefractClientMetadata.CUSTOMER.index(), byKarma);

        List<Long> taken = Flux.range(0, STREAMS)
                .flatMap(i -> adapter.stream(read).take(15).count(), 16)
                .collectList().block(WAIT);

        assertThat(taken).hasSize(STREAMS).containsOnly(15L);
        assertThat(cursorsOpened.get()).as("server cursors the streams opened").isGreaterThanOrEqualTo(STREAMS);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((!openCursors.isEmpty() || checkedOut.get() != checkedIn.get()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(openCursors).as("server cursors still open").isEmpty();
        assertThat(checkedIn.get()).as("connections checked back in").isEqualTo(checkedOut.get());
    }
}
