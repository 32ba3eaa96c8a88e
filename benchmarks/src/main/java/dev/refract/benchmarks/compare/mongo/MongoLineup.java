package dev.refract.benchmarks.compare.mongo;

import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Dataset;
import dev.refract.benchmarks.compare.Lineup;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.benchmarks.compare.Versions;
import dev.refract.benchmarks.compare.Workload;
import dev.refract.benchmarks.compare.mongo.DocumentCodecs.ParentRow;
import dev.refract.benchmarks.compare.mongo.db.Child;
import dev.refract.benchmarks.compare.mongo.db.RefractClient;
import dev.refract.benchmarks.compare.mongo.db.Sample;
import dev.refract.relation.Relation;
import dev.refract.test.isolation.MongoNamespace;
import dev.refract.test.services.ServerOrigin;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.Document;
import org.springframework.core.SpringVersion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * MongoDB: Refract's client generated from {@code compare-mongodb.prisma}, the Reactive Streams driver
 * with hand-written queries and codecs, and Spring Data MongoDB's template and repositories, all on the
 * same collections of one database of their own, on the server the test services find: the one
 * {@code MONGODB_URL} names, else the in-process mongo-java-server, started in this JVM.
 *
 * <p>The lineup seeds the collections once for all contenders, through the driver in batches (documents
 * made from {@link Dataset}, with the ids of {@link MongoIds}), and creates the one secondary index the
 * schema declares ({@code Child.parentId}); every contender reads and writes the same documents through
 * the same indexes.
 */
public final class MongoLineup implements Lineup {

    /** The lineup's key. */
    public static final String KEY = "mongodb";

    /** The keys of the contenders, in the order each round runs them. */
    public static final List<String> CONTENDERS = List.of("refract", "raw", "spring-template", "spring-repository");

    /** What the report says of figures measured on the in-process server. */
    static final String IN_PROCESS_NOTE = "The MongoDB figures were measured on mongo-java-server, an in-process"
            + " Java implementation of MongoDB's wire protocol with its memory backend, running in the harness's JVM"
            + " and sharing its cores: its absolute figures mean little, and its CPU per unit counts the server's work"
            + " too. Read the ratios, measured in the same run, as the figures to compare; set MONGODB_URL to"
            + " measure against a real MongoDB.";

    private static final Duration SETUP_LIMIT = Duration.ofMinutes(10);
    private static final Duration CHECK_LIMIT = Duration.ofMinutes(2);
    private static final int SEED_BATCH = 5_000;

    private final String server;
    private final String address;
    private final String note;
    private final Map<String, String> versions;
    private final List<Contender> contenders;
    private final MongoClient admin;
    private final MongoDatabase database;
    private final AutoCloseable cleanup;
    private long countersBefore;
    /**
     * The sum of the counters the last increment run's check counted, or -1 when the next run must count it
     * anew: nothing changes the counters between that check and the next run, so the sum is counted once per
     * run rather than before and after it (a scan of the whole table, which the in-process MongoDB server
     * makes slowly).
     */
    private long countersChecked = -1;

    private MongoLineup(String server, String address, String note, Map<String, String> versions,
            List<Contender> contenders, MongoClient admin, MongoDatabase database, AutoCloseable cleanup) {
        this.server = server;
        this.address = address;
        this.note = note;
        this.versions = Map.copyOf(versions);
        this.contenders = List.copyOf(contenders);
        this.admin = admin;
        this.database = database;
        this.cleanup = cleanup;
    }

    /**
     * Seeds {@code namespace} for {@code settings}, creates the index and opens the contenders it names;
     * the namespace is dropped on {@link #close()} when {@code ownsNamespace}.
     */
    public static MongoLineup start(Settings settings, MongoNamespace namespace, boolean ownsNamespace,
            PrintStream log) {
        MongoClient admin = null;
        try {
            admin = namespace.connect();
            MongoDatabase database = admin.getDatabase(namespace.database()).withCodecRegistry(RawContender.registry());
            long started = System.nanoTime();
            seed(database, settings);
            log.printf("mongodb: seeded %,d samples and %,d parents with %d children each in %.1f s%n",
                    settings.streamRows(), settings.parents(), settings.childrenPerParent(),
                    (System.nanoTime() - started) / 1e9);
            Document build = Mono.from(database.runCommand(new Document("buildInfo", 1))).block(CHECK_LIMIT);
            String version = build == null ? "unknown" : String.valueOf(build.get("version"));
            boolean inProcess = namespace.endpoint().origin() == ServerOrigin.EMBEDDED;
            List<Contender> contenders = new ArrayList<>();
            for (String key : CONTENDERS) {
                if (settings.includes(key)) {
                    contenders.add(contender(key, namespace.mongoUrl(), settings));
                }
            }
            String server = inProcess
                    ? "mongo-java-server " + Versions.of(MongoServer.class, "de.bwaldvogel", "mongo-java-server-core")
                            + " in the harness's JVM (memory backend, answering as MongoDB " + version + "), "
                            + namespace.endpoint().describe()
                    : "MongoDB " + version + ", " + namespace.endpoint().describe();
            MongoClient client = admin;
            return new MongoLineup(server, namespace.mongoUrl(), inProcess ? IN_PROCESS_NOTE : null, libraries(),
                    contenders, admin, database, () -> {
                        try {
                            client.close();
                        } finally {
                            if (ownsNamespace) {
                                namespace.close();
                            }
                        }
                    });
        } catch (RuntimeException e) {
            if (admin != null) {
                admin.close();
            }
            if (ownsNamespace) {
                namespace.close();
            }
            throw new IllegalStateException("Could not set up the MongoDB data of the comparison: " + e.getMessage(), e);
        }
    }

    /**
     * The contender {@code key} ({@code refract}, {@code raw}, {@code spring-template} or
     * {@code spring-repository}) on the database {@code url} names.
     *
     * @throws IllegalArgumentException naming the contenders there are
     */
    public static Contender contender(String key, String url, Settings settings) {
        return switch (key) {
            case "refract" -> new RefractContender(url, settings.poolSize());
            case "raw" -> new RawContender(url, settings.poolSize(), settings.fetchSize());
            case "spring-template" -> new SpringTemplateContender(url, settings.poolSize(), settings.fetchSize());
            case "spring-repository" -> new SpringRepositoryContender(url, settings.poolSize());
            default -> throw new IllegalArgumentException("Unknown MongoDB contender '" + key
                    + "'; the contenders are " + String.join(", ", CONTENDERS));
        };
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String server() {
        return server;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public String note() {
        return note;
    }

    @Override
    public Map<String, String> versions() {
        return versions;
    }

    @Override
    public List<Contender> contenders() {
        return contenders;
    }

    @Override
    public void prepare(Workload workload) {
        switch (workload) {
            case CREATE, CREATE_MANY -> Mono.from(database.getCollection("Entry").deleteMany(new BsonDocument()))
                    .block(CHECK_LIMIT);
            case INCREMENT -> {
                countersBefore = countersChecked >= 0 ? countersChecked : counters();
                countersChecked = -1;
            }
            default -> {
                // the reads leave the data as they found it
            }
        }
    }

    @Override
    public String verify(Workload workload, long units) {
        try {
            return switch (workload) {
                case CREATE, CREATE_MANY -> verifyEntries(units);
                case INCREMENT -> {
                    long counted = counters();
                    countersChecked = counted;
                    long added = counted - countersBefore;
                    yield added == units ? null : "wrong result: " + units + " increments added " + added
                            + " to the counters in the database";
                }
                default -> null;
            };
        } catch (RuntimeException e) {
            return "could not check the database after the run: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        List<Exception> errors = new ArrayList<>();
        for (Contender contender : contenders) {
            try {
                contender.close().block(Duration.ofSeconds(30));
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }
        try {
            cleanup.close();
        } catch (Exception e) {
            errors.add(e);
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Could not close the mongodb lineup: " + errors.get(0).getMessage(),
                    errors.get(0));
        }
    }

    /**
     * The entries a create run wrote: as many as it created, each with its data index's values (the index
     * read back from {@code total = index * 1000003}) and its counter at 0.
     */
    private String verifyEntries(long units) {
        long[] tally = new long[2];
        Flux.from(database.getCollection("Entry").find()).doOnNext(entry -> {
            tally[0]++;
            Object total = entry.get("total");
            if (total instanceof Long value && value % 1_000_003 == 0) {
                int index = (int) (value / 1_000_003);
                if (Dataset.name(index).equals(entry.get("name")) && Dataset.email(index).equals(entry.get("email"))
                        && Integer.valueOf(Dataset.quantity(index)).equals(entry.get("quantity"))
                        && Integer.valueOf(0).equals(entry.get("counter"))) {
                    tally[1]++;
                }
            }
        }).then().block(CHECK_LIMIT);
        if (tally[0] != units || tally[1] != units) {
            return "wrong result: the run created " + units + " entries, the collection holds " + tally[0]
                    + " documents, " + tally[1] + " of them with the values of their data index and a counter of 0";
        }
        return null;
    }

    /**
     * The sum of the counters of the ten-field collection, from the documents whose counter is above 0: a
     * find rather than a {@code $group}, which the in-process server answers with a warning per call.
     */
    private long counters() {
        BsonDocument counted = new BsonDocument("counter", new BsonDocument("$gt", new BsonInt32(0)));
        BsonDocument counterOnly = new BsonDocument("counter", new BsonInt32(1)).append("_id", new BsonInt32(0));
        Long sum = Flux.from(database.getCollection("Sample", BsonDocument.class).find(counted).projection(counterOnly))
                .map(document -> document.getNumber("counter").longValue())
                .reduce(0L, Long::sum)
                .block(CHECK_LIMIT);
        return sum == null ? 0 : sum;
    }

    private static Map<String, String> libraries() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("Refract", Versions.of(RefractClient.class, "dev.refract", "refract-sdk-api"));
        versions.put("mongodb-driver-reactivestreams", Versions.of(MongoCollection.class, "org.mongodb",
                "mongodb-driver-reactivestreams"));
        versions.put("Reactor Core", Versions.of(Flux.class, "io.projectreactor", "reactor-core"));
        versions.put("Spring Data MongoDB", Versions.of(ReactiveMongoTemplate.class, "org.springframework.data",
                "spring-data-mongodb"));
        versions.put("Spring Framework", String.valueOf(SpringVersion.getVersion()));
        return versions;
    }

    /** The seeded documents and the children's index, as {@code compare-mongodb.prisma} declares it. */
    private static void seed(MongoDatabase database, Settings settings) {
        int parents = settings.parents();
        int perParent = settings.childrenPerParent();
        MongoCollection<Sample> samples = database.getCollection("Sample", Sample.class);
        MongoCollection<ParentRow> parentRows = database.getCollection("Parent", ParentRow.class);
        MongoCollection<Child> children = database.getCollection("Child", Child.class);
        Mono.from(children.createIndex(new BsonDocument("parentId", new BsonInt32(1))))
                .then(insert(samples, Flux.range(1, settings.streamRows()).map(MongoLineup::sample)))
                .then(insert(parentRows, Flux.range(1, parents)
                        .map(p -> new ParentRow(MongoIds.hex(p), Dataset.parentName(p)))))
                .then(insert(children, Flux.range(1, parents).concatMap(p -> Flux.range(0, perParent)
                        .map(k -> new Child(MongoIds.hex(Dataset.childId(p, k, perParent)),
                                Relation.notLoaded("Child", "parent"), MongoIds.hex(p), k, Dataset.childLabel(p, k))))))
                .block(SETUP_LIMIT);
    }

    private static <T> Mono<Void> insert(MongoCollection<T> collection, Flux<T> documents) {
        return documents.buffer(SEED_BATCH).concatMap(batch -> collection.insertMany(batch, new InsertManyOptions().ordered(true))).then();
    }

    /** The seeded sample of {@code index}. */
    private static Sample sample(int index) {
        return new Sample(MongoIds.hex(index), Dataset.name(index), Dataset.email(index), Dataset.category(index),
                Dataset.quantity(index), 0, Dataset.price(index), Dataset.total(index), Dataset.active(index),
                Dataset.createdAt(index));
    }
}
