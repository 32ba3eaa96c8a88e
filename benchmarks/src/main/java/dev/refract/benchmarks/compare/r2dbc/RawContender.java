package dev.refract.benchmarks.compare.r2dbc;

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
import io.r2dbc.spi.Result;
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
 * The floor: the database's own R2DBC driver on an r2dbc-pool of the same size as Refract's, with the
 * SQL and the mapping into the same generated records written by hand, as a careful programmer would
 * write them without any client layer. Each call takes a connection from the pool and gives it back
 * on completion, error and cancel, as Refract does. Where the database cannot return the rows a write
 * wrote ({@link SqlSyntax#returning()}), the call reads the row back on the same connection: the new
 * entry by {@code LAST_INSERT_ID()}, the incremented record by its id.
 */
public final class RawContender implements Contender {

    private static final String[] SAMPLE_COLUMNS = {"id", "name", "email", "category", "quantity", "counter", "price",
        "total", "active", "createdAt"};
    private static final int INSERT_PARAMETERS = 8;

    private final SqlSyntax sql;
    private final ConnectionPool pool;
    private final int fetchSize;
    private final String findUnique;
    private final String stream;
    private final String insertColumns;
    private final String create;
    private final String readCreated;
    private final String increment;
    private final String parents;
    private final Map<Integer, String> createManySql = new ConcurrentHashMap<>();
    private final Map<Integer, String> childrenSql = new ConcurrentHashMap<>();

    /** The hand-written contender for the database {@code sql} describes, on a pool of {@code poolSize} to {@code url}. */
    public RawContender(SqlSyntax sql, String url, int poolSize, int fetchSize) {
        this.sql = sql;
        this.pool = Pools.create(url, poolSize, "raw");
        this.fetchSize = fetchSize;
        String columns = sql.names(SAMPLE_COLUMNS);
        String returning = sql.returning() ? " RETURNING " + columns : "";
        this.findUnique = "SELECT " + columns + " FROM " + sql.name("Sample") + " WHERE " + sql.name("id") + " = "
                + sql.parameter(0);
        this.stream = "SELECT " + columns + " FROM " + sql.name("Sample") + " WHERE " + sql.name("id") + " <= "
                + sql.parameter(0);
        this.insertColumns = "INSERT INTO " + sql.name("Entry") + " (" + sql.names("name", "email", "category",
                "quantity", "price", "total", "active", "createdAt") + ") VALUES ";
        this.create = insertColumns + "(" + sql.parameters(0, INSERT_PARAMETERS) + ")" + returning;
        this.readCreated = "SELECT " + columns + " FROM " + sql.name("Entry") + " WHERE " + sql.name("id")
                + " = LAST_INSERT_ID()";
        this.increment = "UPDATE " + sql.name("Sample") + " SET " + sql.name("counter") + " = " + sql.name("counter")
                + " + " + sql.parameter(0) + " WHERE " + sql.name("id") + " = " + sql.parameter(1) + returning;
        this.parents = "SELECT " + sql.names("id", "name") + " FROM " + sql.name("Parent");
    }

    @Override
    public String key() {
        return "raw";
    }

    @Override
    public String name() {
        return sql.driver() + ", hand-written";
    }

    @Override
    public Role role() {
        return Role.RAW;
    }

    @Override
    public Mono<Long> findUnique(int id) {
        return onConnection(connection -> Flux.from(connection.createStatement(findUnique).bind(0, id).execute())
                .concatMap(result -> result.map((row, metadata) -> sample(row))))
                .next()
                .map(RawContender::fingerprint);
    }

    @Override
    public Mono<Void> stream(int maxId, RowSink sink) {
        return onConnection(connection -> Flux.from(connection.createStatement(stream).bind(0, maxId)
                        .fetchSize(fetchSize).execute())
                .concatMap(result -> result.map((row, metadata) -> sample(row))))
                .doOnNext(sample -> sink.accept(fingerprint(sample)))
                .then();
    }

    @Override
    public Mono<Long> create(int index) {
        return onConnection(connection -> {
            Statement insert = connection.createStatement(create);
            bindEntry(insert, 0, index);
            if (sql.returning()) {
                return Flux.from(insert.execute()).concatMap(result -> result.map((row, metadata) -> entry(row)));
            }
            return Flux.from(insert.execute()).concatMap(Result::getRowsUpdated)
                    .thenMany(Flux.from(connection.createStatement(readCreated).execute()))
                    .concatMap(result -> result.map((row, metadata) -> entry(row)));
        }).next().map(RawContender::content);
    }

    @Override
    public Mono<Long> createMany(int first, int count) {
        return onConnection(connection -> {
            Statement insert = connection.createStatement(createManySql.computeIfAbsent(count, this::insertMany));
            for (int row = 0; row < count; row++) {
                bindEntry(insert, row * INSERT_PARAMETERS, first + row);
            }
            return Flux.from(insert.execute()).concatMap(Result::getRowsUpdated);
        }).reduce(0L, Long::sum);
    }

    @Override
    public Mono<Long> include() {
        return onConnection(connection -> Flux.from(connection.createStatement(parents).execute())
                .concatMap(result -> result.map((row, metadata) -> new ParentRow(row.get(0, Integer.class),
                        row.get(1, String.class))))
                .collectList()
                .flatMapMany(found -> Flux.from(children(connection, found).execute())
                        .concatMap(result -> result.map((row, metadata) -> child(row)))
                        .collectList()
                        .flatMapIterable(children -> stitch(found, children))))
                .map(RawContender::fingerprint)
                .reduce(0L, Long::sum);
    }

    @Override
    public Mono<Long> increment(int id) {
        return onConnection(connection -> {
            Statement update = connection.createStatement(increment).bind(0, 1).bind(1, id);
            if (sql.returning()) {
                return Flux.from(update.execute()).concatMap(result -> result.map((row, metadata) -> sample(row)));
            }
            return Flux.from(update.execute()).concatMap(Result::getRowsUpdated)
                    .thenMany(Flux.from(connection.createStatement(findUnique).bind(0, id).execute()))
                    .concatMap(result -> result.map((row, metadata) -> sample(row)));
        }).next().map(RawContender::fingerprint);
    }

    /**
     * The statement reading the children of {@code parents}: their ids in one array parameter where the
     * driver takes arrays ({@code = ANY($1)}), else one parameter each ({@code IN (?, ?, …)}).
     */
    private Statement children(Connection connection, List<ParentRow> parents) {
        boolean arrays = sql.arrays();
        int parameters = arrays ? 1 : parents.size();
        Statement statement = connection.createStatement(childrenSql.computeIfAbsent(parameters, count -> "SELECT "
                + sql.names("id", "parentId", "position", "label") + " FROM " + sql.name("Child") + " WHERE "
                + sql.name("parentId") + (arrays ? " = ANY(" + sql.parameter(0) + ")"
                        : " IN (" + sql.parameters(0, count) + ")")));
        if (arrays) {
            Integer[] ids = new Integer[parents.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = parents.get(i).id();
            }
            return statement.bind(0, ids);
        }
        for (int i = 0; i < parents.size(); i++) {
            statement.bind(i, parents.get(i).id());
        }
        return statement;
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

    private String insertMany(int rows) {
        StringBuilder statement = new StringBuilder(insertColumns);
        for (int row = 0; row < rows; row++) {
            statement.append(row == 0 ? "(" : ", (").append(sql.parameters(row * INSERT_PARAMETERS, INSERT_PARAMETERS))
                    .append(')');
        }
        return statement.toString();
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
