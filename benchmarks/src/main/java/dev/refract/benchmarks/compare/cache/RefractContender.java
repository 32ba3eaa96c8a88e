package dev.refract.benchmarks.compare.cache;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Role;
import dev.refract.benchmarks.compare.RowSink;
import dev.refract.benchmarks.compare.Workload;
import dev.refract.benchmarks.compare.cachedb.RefractClient;
import dev.refract.cache.CacheStatistics;
import java.util.EnumSet;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refract's generated client of {@code compare-cache.prisma}, its look-up by id either read through the
 * model's {@code @@cache} in Redis ({@link #cached}) or sent to PostgreSQL with {@code noCache()}
 * ({@link #primary}): one client each, as two applications would have.
 */
final class RefractContender implements Contender {

    private final RefractClient db;
    private final boolean cached;

    private RefractContender(String databaseUrl, String cacheUrl, int poolSize, boolean cached) {
        this.db = RefractClient.builder().datasource("db", databaseUrl).datasource("cache", cacheUrl)
                .poolSize("db", poolSize).build();
        this.cached = cached;
    }

    /** The look-up read through the cache: the subject of the lineup. */
    static RefractContender cached(String databaseUrl, String cacheUrl, int poolSize) {
        return new RefractContender(databaseUrl, cacheUrl, poolSize, true);
    }

    /** The same look-up sent to PostgreSQL, past the cache. */
    static RefractContender primary(String databaseUrl, String cacheUrl, int poolSize) {
        return new RefractContender(databaseUrl, cacheUrl, poolSize, false);
    }

    @Override
    public String key() {
        return cached ? "refract" : "refract-primary";
    }

    @Override
    public String name() {
        return cached ? "Refract" : "Refract with noCache(), from PostgreSQL";
    }

    @Override
    public Role role() {
        return cached ? Role.REFRACT : Role.PEER;
    }

    @Override
    public Set<Workload> workloads() {
        return EnumSet.of(Workload.FIND_UNIQUE);
    }

    @Override
    public Mono<Long> findUnique(int id) {
        return (cached ? db.sample().findUnique(q -> q.where(w -> w.id(id)))
                : db.sample().findUnique(q -> q.where(w -> w.id(id)).noCache()))
                .map(RawContender::fingerprint);
    }

    /** Reads records 1 to {@code rows} once through the cache, so that each is cached. */
    Mono<Void> warm(int rows, int inFlight) {
        return Flux.range(1, rows).flatMap(id -> db.sample().findUnique(q -> q.where(w -> w.id(id))), inFlight).then();
    }

    /** What the client's cache did so far. */
    CacheStatistics statistics() {
        return db.core().cacheStatistics();
    }

    @Override
    public Mono<Void> stream(int maxId, RowSink sink) {
        throw new UnsupportedOperationException("The cache lineup runs findUnique only");
    }

    @Override
    public Mono<Long> create(int index) {
        throw new UnsupportedOperationException("The cache lineup runs findUnique only");
    }

    @Override
    public Mono<Long> createMany(int first, int count) {
        throw new UnsupportedOperationException("The cache lineup runs findUnique only");
    }

    @Override
    public Mono<Long> include() {
        throw new UnsupportedOperationException("The cache lineup runs findUnique only");
    }

    @Override
    public Mono<Long> increment(int id) {
        throw new UnsupportedOperationException("The cache lineup runs findUnique only");
    }

    @Override
    public Mono<Void> close() {
        return db.closeAsync();
    }
}
