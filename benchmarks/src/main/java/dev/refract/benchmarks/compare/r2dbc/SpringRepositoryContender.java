package dev.refract.benchmarks.compare.r2dbc;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Role;
import dev.refract.benchmarks.compare.RowSink;
import dev.refract.benchmarks.compare.r2dbc.SpringRepositories.ChildRepository;
import dev.refract.benchmarks.compare.r2dbc.SpringRepositories.EntryRepository;
import dev.refract.benchmarks.compare.r2dbc.SpringRepositories.ParentRepository;
import dev.refract.benchmarks.compare.r2dbc.SpringRepositories.SampleRepository;
import dev.refract.benchmarks.compare.r2dbc.SpringRows.EntryRow;
import dev.refract.benchmarks.compare.r2dbc.SpringRows.SampleRow;
import io.r2dbc.pool.ConnectionPool;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.r2dbc.repository.support.R2dbcRepositoryFactory;
import reactor.core.publisher.Mono;

/**
 * Spring Data R2DBC's repositories ({@code ReactiveCrudRepository} with derived queries and one
 * {@code @Query}), made by {@link R2dbcRepositoryFactory} over a template on an r2dbc-pool
 * {@code ConnectionPool} of the same size as Refract's, without Spring Boot. The stream runs through
 * a repository whose template's statements carry the fetch size. Where an update cannot return the
 * record (MySQL), the increment is a {@code @Modifying} query followed by {@code findById}.
 */
public final class SpringRepositoryContender implements Contender {

    private final SqlSyntax sql;
    private final ConnectionPool pool;
    private final SampleRepository samples;
    private final SampleRepository streamingSamples;
    private final EntryRepository entries;
    private final ParentRepository parents;
    private final ChildRepository children;

    /** The repositories on a pool of {@code poolSize} to {@code url}, a database of {@code sql}. */
    public SpringRepositoryContender(SqlSyntax sql, String url, int poolSize, int fetchSize) {
        this.sql = sql;
        this.pool = Pools.create(url, poolSize, "spring-repository");
        R2dbcRepositoryFactory factory = new R2dbcRepositoryFactory(new R2dbcEntityTemplate(pool));
        R2dbcEntityTemplate streaming = new R2dbcEntityTemplate(pool);
        streaming.setStatementFilterFunction(statement -> statement.fetchSize(fetchSize));
        this.samples = factory.getRepository(SampleRepository.class);
        this.streamingSamples = new R2dbcRepositoryFactory(streaming).getRepository(SampleRepository.class);
        this.entries = factory.getRepository(EntryRepository.class);
        this.parents = factory.getRepository(ParentRepository.class);
        this.children = factory.getRepository(ChildRepository.class);
    }

    @Override
    public String key() {
        return "spring-repository";
    }

    @Override
    public String name() {
        return "Spring Data R2DBC, repository";
    }

    @Override
    public Role role() {
        return Role.PEER;
    }

    @Override
    public Mono<Long> findUnique(int id) {
        return samples.findById(id).map(SpringRows::fingerprint);
    }

    @Override
    public Mono<Void> stream(int maxId, RowSink sink) {
        return streamingSamples.findByIdLessThanEqual(maxId)
                .doOnNext(sample -> sink.accept(SpringRows.fingerprint(sample)))
                .then();
    }

    @Override
    public Mono<Long> create(int index) {
        return entries.save(SpringRows.entry(index)).map(SpringRows::content);
    }

    @Override
    public Mono<Long> createMany(int first, int count) {
        return Mono.defer(() -> {
            List<EntryRow> batch = new ArrayList<>(count);
            for (int index = first; index < first + count; index++) {
                batch.add(SpringRows.entry(index));
            }
            return entries.saveAll(batch).count();
        });
    }

    @Override
    public Mono<Long> include() {
        return parents.findAll().collectList()
                .flatMap(found -> children.findByParentIdIn(SpringRows.ids(found)).collectList()
                        .map(loaded -> SpringRows.stitch(found, loaded)));
    }

    @Override
    public Mono<Long> increment(int id) {
        Mono<SampleRow> updated = sql.returning() ? samples.incrementCounter(id)
                : samples.addToCounter(id).then(samples.findById(id));
        return updated.map(SpringRows::fingerprint);
    }

    @Override
    public Mono<Void> close() {
        return pool.disposeLater();
    }
}
