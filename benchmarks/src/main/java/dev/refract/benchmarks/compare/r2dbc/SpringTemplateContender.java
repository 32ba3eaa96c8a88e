package dev.refract.benchmarks.compare.r2dbc;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Role;
import dev.refract.benchmarks.compare.RowSink;
import dev.refract.benchmarks.compare.r2dbc.SpringRows.ChildRow;
import dev.refract.benchmarks.compare.r2dbc.SpringRows.ParentRow;
import dev.refract.benchmarks.compare.r2dbc.SpringRows.SampleRow;
import io.r2dbc.pool.ConnectionPool;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Data R2DBC's {@link R2dbcEntityTemplate} over an r2dbc-pool {@code ConnectionPool} of the
 * same size as Refract's, without Spring Boot: the fluent criteria API for reads and inserts, and
 * SQL through the template's {@code DatabaseClient} for the increment, which the criteria API cannot
 * express (where an update cannot return the record, MySQL, followed by a {@code selectOne}). Streams run on a second template over the same pool whose statements carry the fetch
 * size, as Spring Data's maintainers advise; look-ups stay without one, as Refract's do.
 */
public final class SpringTemplateContender implements Contender {

    /** The increment in PostgreSQL, returning the record. */
    static final String INCREMENT_RETURNING = "UPDATE \"Sample\" SET \"counter\" = \"counter\" + 1 WHERE \"id\" = :id"
            + " RETURNING *";
    /** The increment in MySQL, which returns no record. */
    static final String INCREMENT_MYSQL = "UPDATE `Sample` SET `counter` = `counter` + 1 WHERE `id` = :id";

    private final SqlSyntax sql;
    private final ConnectionPool pool;
    private final R2dbcEntityTemplate template;
    private final R2dbcEntityTemplate streaming;

    /** The template on a pool of {@code poolSize} to {@code url}, a database of {@code sql}. */
    public SpringTemplateContender(SqlSyntax sql, String url, int poolSize, int fetchSize) {
        this.sql = sql;
        this.pool = Pools.create(url, poolSize, "spring-template");
        this.template = new R2dbcEntityTemplate(pool);
        this.streaming = new R2dbcEntityTemplate(pool);
        streaming.setStatementFilterFunction(statement -> statement.fetchSize(fetchSize));
    }

    @Override
    public String key() {
        return "spring-template";
    }

    @Override
    public String name() {
        return "Spring Data R2DBC, R2dbcEntityTemplate";
    }

    @Override
    public Role role() {
        return Role.PEER;
    }

    @Override
    public Mono<Long> findUnique(int id) {
        return template.selectOne(query(where("id").is(id)), SampleRow.class).map(SpringRows::fingerprint);
    }

    @Override
    public Mono<Void> stream(int maxId, RowSink sink) {
        return streaming.select(query(where("id").lessThanOrEquals(maxId)), SampleRow.class)
                .doOnNext(sample -> sink.accept(SpringRows.fingerprint(sample)))
                .then();
    }

    @Override
    public Mono<Long> create(int index) {
        return template.insert(SpringRows.entry(index)).map(SpringRows::content);
    }

    @Override
    public Mono<Long> createMany(int first, int count) {
        return Flux.range(first, count).concatMap(index -> template.insert(SpringRows.entry(index))).count();
    }

    @Override
    public Mono<Long> include() {
        return template.select(Query.empty(), ParentRow.class).collectList()
                .flatMap(parents -> template.select(query(where("parentId").in(SpringRows.ids(parents))), ChildRow.class)
                        .collectList()
                        .map(children -> SpringRows.stitch(parents, children)));
    }

    @Override
    public Mono<Long> increment(int id) {
        if (!sql.returning()) {
            return template.getDatabaseClient().sql(INCREMENT_MYSQL).bind("id", id).fetch().rowsUpdated()
                    .then(template.selectOne(query(where("id").is(id)), SampleRow.class))
                    .map(SpringRows::fingerprint);
        }
        return template.getDatabaseClient().sql(INCREMENT_RETURNING).bind("id", id)
                .map((row, metadata) -> template.getConverter().read(SampleRow.class, row, metadata))
                .one()
                .map(SpringRows::fingerprint);
    }

    @Override
    public Mono<Void> close() {
        return pool.disposeLater();
    }
}
