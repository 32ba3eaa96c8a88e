package dev.refract.benchmarks.compare.mongo;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Dataset;
import dev.refract.benchmarks.compare.Role;
import dev.refract.benchmarks.compare.RowSink;
import dev.refract.benchmarks.compare.mongo.DocumentCodecs.ParentRow;
import dev.refract.benchmarks.compare.mongo.db.Child;
import dev.refract.benchmarks.compare.mongo.db.Entry;
import dev.refract.benchmarks.compare.mongo.db.Parent;
import dev.refract.benchmarks.compare.mongo.db.Sample;
import dev.refract.relation.Relation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonObjectId;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The floor: the MongoDB Reactive Streams driver with a connection pool of the same size as Refract's,
 * the queries written by hand as BSON documents and every document decoded by a hand-written
 * {@link org.bson.codecs.Codec} ({@link DocumentCodecs}) straight into the generated records, as a
 * careful engineer would write it without any client layer. A create makes its ObjectId on the client
 * and returns the record it wrote, as the driver's {@code insertOne} does; the increment is one
 * {@code findOneAndUpdate} returning the document as updated.
 */
public final class RawContender implements Contender {

    private final MongoClient client;
    private final int fetchSize;
    private final MongoCollection<Sample> samples;
    private final MongoCollection<Entry> entries;
    private final MongoCollection<ParentRow> parents;
    private final MongoCollection<Child> children;
    // the driver's option objects and BSON documents are mutable: each contender keeps its own
    private final BsonDocument increment = new BsonDocument("$inc", new BsonDocument("counter", new BsonInt32(1)));
    private final FindOneAndUpdateOptions returnUpdated = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
    private final InsertManyOptions ordered = new InsertManyOptions().ordered(true);

    /** The hand-written contender on a pool of {@code poolSize} connections to the database of {@code url}. */
    public RawContender(String url, int poolSize, int fetchSize) {
        this.client = Clients.create(url, poolSize, "raw");
        this.fetchSize = fetchSize;
        MongoDatabase database = client.getDatabase(Clients.database(url)).withCodecRegistry(registry());
        this.samples = database.getCollection("Sample", Sample.class);
        this.entries = database.getCollection("Entry", Entry.class);
        this.parents = database.getCollection("Parent", ParentRow.class);
        this.children = database.getCollection("Child", Child.class);
    }

    /** The hand-written codecs first, then the driver's own for the values of the queries. */
    static CodecRegistry registry() {
        return CodecRegistries.fromRegistries(CodecRegistries.fromCodecs(new DocumentCodecs.SampleCodec(),
                new DocumentCodecs.EntryCodec(), new DocumentCodecs.ParentCodec(), new DocumentCodecs.ChildCodec()),
                MongoClientSettings.getDefaultCodecRegistry());
    }

    @Override
    public String key() {
        return "raw";
    }

    @Override
    public String name() {
        return "mongodb-driver-reactivestreams, hand-written";
    }

    @Override
    public Role role() {
        return Role.RAW;
    }

    @Override
    public Mono<Long> findUnique(int id) {
        return Mono.from(samples.find(byId(id)).first()).map(MongoFingerprints::of);
    }

    @Override
    public Mono<Void> stream(int maxId, RowSink sink) {
        BsonDocument upTo = new BsonDocument("_id", new BsonDocument("$lte", new BsonObjectId(MongoIds.objectId(maxId))));
        return Flux.from(samples.find(upTo).batchSize(fetchSize))
                .doOnNext(sample -> sink.accept(MongoFingerprints.of(sample)))
                .then();
    }

    @Override
    public Mono<Long> create(int index) {
        return Mono.defer(() -> {
            Entry entry = entry(new ObjectId().toHexString(), index);
            return Mono.from(entries.insertOne(entry)).thenReturn(entry);
        }).map(MongoFingerprints::content);
    }

    @Override
    public Mono<Long> createMany(int first, int count) {
        return Mono.defer(() -> {
            List<Entry> batch = new ArrayList<>(count);
            for (int index = first; index < first + count; index++) {
                batch.add(entry(new ObjectId().toHexString(), index));
            }
            return Mono.from(entries.insertMany(batch, ordered)).map(result -> (long) result.getInsertedIds().size());
        });
    }

    @Override
    public Mono<Long> include() {
        return Flux.from(parents.find()).collectList()
                .flatMap(found -> {
                    BsonArray ids = new BsonArray(new ArrayList<>(found.size()));
                    for (ParentRow parent : found) {
                        ids.add(new BsonObjectId(new ObjectId(parent.id())));
                    }
                    BsonDocument ofParents = new BsonDocument("parentId", new BsonDocument("$in", ids));
                    return Flux.from(children.find(ofParents)).collectList().map(loaded -> stitch(found, loaded));
                })
                .map(stitched -> {
                    long sum = 0;
                    for (Parent parent : stitched) {
                        sum += MongoFingerprints.of(parent);
                    }
                    return sum;
                });
    }

    @Override
    public Mono<Long> increment(int id) {
        return Mono.from(samples.findOneAndUpdate(byId(id), increment, returnUpdated)).map(MongoFingerprints::of);
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(client::close);
    }

    /** The new entry of data index {@code index} with id {@code id}; the counter starts at 0, as the schema says. */
    static Entry entry(String id, int index) {
        return new Entry(id, Dataset.name(index), Dataset.email(index), Dataset.category(index), Dataset.quantity(index),
                0, Dataset.price(index), Dataset.total(index), Dataset.active(index), Dataset.createdAt(index));
    }

    private static BsonDocument byId(int id) {
        return new BsonDocument("_id", new BsonObjectId(MongoIds.objectId(id)));
    }

    /** The parents in their order, each with its children. */
    private static List<Parent> stitch(List<ParentRow> parents, List<Child> children) {
        Map<String, List<Child>> byParent = new HashMap<>(parents.size() * 2);
        for (Child child : children) {
            byParent.computeIfAbsent(child.parentId(), id -> new ArrayList<>()).add(child);
        }
        List<Parent> stitched = new ArrayList<>(parents.size());
        for (ParentRow parent : parents) {
            stitched.add(new Parent(parent.id(), parent.name(),
                    Relation.loaded(byParent.getOrDefault(parent.id(), List.of())), null));
        }
        return stitched;
    }
}
