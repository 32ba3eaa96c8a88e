package dev.refract.benchmarks.compare.postgres;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Dataset;
import dev.refract.benchmarks.compare.Role;
import dev.refract.benchmarks.compare.RowSink;
import dev.refract.benchmarks.compare.db.Child;
import dev.refract.benchmarks.compare.db.Entry;
import dev.refract.benchmarks.compare.db.Parent;
import dev.refract.benchmarks.compare.db.Sample;
import dev.refract.relation.Relation;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The floor: r2dbc-postgresql on an r2dbc-pool of the same size as Refract's, with the SQL and the
 * mapping into the same generated records written by hand, as a careful programmer would write
 * them without any client layer. Each call takes a connection from the pool and gives it back on
 * completion, error and cancel, as Refract does.
 */
final class RawContender implements Contender {

    private static final String COLUMNS = "\"id\", \"name\", \"email\", \"category\", \"quantity\", \"counter\","
            + " \"price\", \"total\", \"active\", \"createdAt\"";
    private static final String FIND_UNIQUE = "SELECT " + COLUMNS + " FROM \"Sample\" WHERE \"id\" = $1";
    private static final String STREAM = "SELECT " + COLUMNS + " FROM \"Sample\" WHERE \"id\" <= $1";
    private static final String INSERT_COLUMNS = "INSERT INTO \"Entry\" (\"name\", \"email\", \"category\","
            + " \"quantity\", \"price\", \"total\", \"active\", \"createdAt\") VALUES ";
    private static final String CREATE = INSERT_COLUMNS + "($1, $2, $3, $4, $5, $6, $7, $8) RETURNING " + COLUMNS;
    private static final String INCREMENT = "UPDATE \"Sample\" SET \"counter\" = \"counter\" + $1 WHERE \"id\" = $2"
            + " RETURNING " + COLUMNS;
    private static final String PARENTS = "SELECT \"id\", \"name\" FROM \"Parent\"";
    private static final String CHILDREN = "SELECT \"id\", \"parentId\", \"position\", \"label\" FROM \"Child\""
            + " WHERE \"parentId\" = ANY($1)";
    private static final int INSERT_PARAMETERS = 8;

    private final ConnectionPool pool;
    private final int fetchSize;
    private final Map<Integer, String> createManySql = new ConcurrentHashMap<>();

    RawContender(String url, int poolSize, int fetchSize) {
        this.pool = Pools.create(url, poolSize, "raw");
        this.fetchSize = fetchSize;
    }

    @Override
    public String key() {
        return "raw";
    }

    @Override
    public String name() {
        return "r2dbc-postgresql, hand-written";
    }

    @Override
    public Role role() {
        return Role.RAW;
    }

    @Override
    public Mono<Long> findUnique(int id) {
        return onConnection(connection -> Flux.from(connection.createStatement(FIND_UNIQUE).bind(0, id).execute())
                .concatMap(result -> result.map((row, metadata) -> sample(row))))
                .next()
                .map(RawContender::fingerprint);
    }

    @Override
    public Mono<Void> stream(int maxId, RowSink sink) {
        return onConnection(connection -> Flux.from(connection.createStatement(STREAM).bind(0, maxId)
                        .fetchSize(fetchSize).execute())
                .concatMap(result -> result.map((row, metadata) -> sample(row))))
                .doOnNext(sample -> sink.accept(fingerprint(sample)))
                .then();
    }

    @Override
    public Mono<Long> create(int index) {
        return onConnection(connection -> {
            Statement insert = connection.createStatement(CREATE);
            bindEntry(insert, 0, index);
            return Flux.from(insert.execute()).concatMap(result -> result.map((row, metadata) -> entry(row)));
        }).next().map(RawContender::content);
    }

    @Override
    public Mono<Long> createMany(int first, int count) {
        return onConnection(connection -> {
            Statement insert = connection.createStatement(createManySql.computeIfAbsent(count, RawContender::insertMany));
            for (int row = 0; row < count; row++) {
                bindEntry(insert, row * INSERT_PARAMETERS, first + row);
            }
            return Flux.from(insert.execute()).concatMap(io.r2dbc.spi.Result::getRowsUpdated);
        }).reduce(0L, Long::sum);
    }

    @Override
    public Mono<Long> include() {
        return onConnection(connection -> Flux.from(connection.createStatement(PARENTS).execute())
                .concatMap(result -> result.map((row, metadata) -> new ParentRow(row.get(0, Integer.class),
                        row.get(1, String.class))))
                .collectList()
                .flatMapMany(parents -> {
                    Integer[] ids = new Integer[parents.size()];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = parents.get(i).id();
                    }
                    return Flux.from(connection.createStatement(CHILDREN).bind(0, ids).execute())
                            .concatMap(result -> result.map((row, metadata) -> child(row)))
                            .collectList()
                            .flatMapIterable(children -> stitch(parents, children));
                }))
                .map(RawContender::fingerprint)
                .reduce(0L, Long::sum);
    }

    @Override
    public Mono<Long> increment(int id) {
        return onConnection(connection -> Flux.from(connection.createStatement(INCREMENT).bind(0, 1).bind(1, id)
                        .execute())
                .concatMap(result -> result.map((row, metadata) -> sample(row))))
                .next()
                .map(RawContender::fingerprint);
    }

    @Override
    public Mono<Void> close() {
        return pool.disposeLater();
    }

    private <T> Flux<T> onConnection(Function<Connection, Publisher<T>> work) {
        return Flux.usingWhen(pool.create(), work, Connection::close, (connection, error) -> connection.close(),
                Connection::close);
    }

    private static void bindEntry(Statement insert, int at, int index) {
        insert.bind(at, Dataset.name(index)).bind(at + 1, Dataset.email(index));
        String category = Dataset.category(index);
        if (category == null) {
            insert.bindNull(at + 2, String.class);
        } else {
            insert.bind(at + 2, category);
        }
        insert.bind(at + 3, Dataset.quantity(index)).bind(at + 4, Dataset.price(index))
                .bind(at + 5, Dataset.total(index)).bind(at + 6, Dataset.active(index))
                .bind(at + 7, Dataset.createdAtLocal(index));
    }

    private static String insertMany(int rows) {
        StringBuilder sql = new StringBuilder(INSERT_COLUMNS);
        for (int row = 0; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 0; column < INSERT_PARAMETERS; column++) {
                sql.append(column == 0 ? "$" : ", $").append(row * INSERT_PARAMETERS + column + 1);
            }
            sql.append(')');
        }
        return sql.toString();
    }

    private static Sample sample(Row row) {
        return new Sample(row.get(0, Integer.class), row.get(1, String.class), row.get(2, String.class),
                row.get(3, String.class), row.get(4, Integer.class), row.get(5, Integer.class), row.get(6, Double.class),
                row.get(7, Long.class), row.get(8, Boolean.class), instant(row.get(9, LocalDateTime.class)));
    }

    private static Entry entry(Row row) {
        return new Entry(row.get(0, Integer.class), row.get(1, String.class), row.get(2, String.class),
                row.get(3, String.class), row.get(4, Integer.class), row.get(5, Integer.class), row.get(6, Double.class),
                row.get(7, Long.class), row.get(8, Boolean.class), instant(row.get(9, LocalDateTime.class)));
    }

    private static Child child(Row row) {
        return new Child(row.get(0, Integer.class), Relation.notLoaded("Child", "parent"), row.get(1, Integer.class),
                row.get(2, Integer.class), row.get(3, String.class));
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }

    /** The parents in their order, each with its children. */
    private static List<Parent> stitch(List<ParentRow> parents, List<Child> children) {
        Map<Integer, List<Child>> byParent = new HashMap<>(parents.size() * 2);
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

    private static long fingerprint(Sample s) {
        return Dataset.sample(s.id(), Dataset.content(s.name(), s.email(), s.category(), s.quantity(), s.price(),
                s.total(), s.active(), s.createdAt().toEpochMilli()));
    }

    private static long content(Entry e) {
        return Dataset.content(e.name(), e.email(), e.category(), e.quantity(), e.price(), e.total(), e.active(),
                e.createdAt().toEpochMilli());
    }

    private static long fingerprint(Parent parent) {
        List<Child> children = parent.children().get();
        long sum = 0;
        for (Child child : children) {
            sum += Dataset.child(child.id(), child.parentId(), child.position(), child.label());
        }
        return Dataset.parent(parent.id(), parent.name(), sum, children.size());
    }

    /** A parent's own columns, before its children are stitched on. */
    private record ParentRow(Integer id, String name) {
    }
}
