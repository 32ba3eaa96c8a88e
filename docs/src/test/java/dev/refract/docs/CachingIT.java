package dev.refract.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.cache.db.Account;
import com.example.cache.db.RefractClient;
import com.example.cache.db.RefractClientMetadata;
import dev.refract.cache.CacheStatistics;
import dev.refract.docs.support.PipelineDatabases;
import dev.refract.r2dbc.ddl.DbPush;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RedisNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The samples of the page "Caching", with accounts in PostgreSQL cached in Redis. */
@RefractTestDatabases
class CachingIT {

    private static RefractClient db;

    @BeforeAll
    static void open(PostgresNamespace postgres, RedisNamespace redis) {
        DbPush.push(RefractClientMetadata.SCHEMA, 0, ConnectionFactories.get(postgres.r2dbcUrl())).block(Duration.ofMinutes(1));
        db = RefractClient.builder()
                .datasource("db", postgres.r2dbcUrl())
                .datasource("cache", PipelineDatabases.redisUrl(redis))
                .build();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void eachCallMayChooseItsOwnCaching() {
        db.account().create(c -> c.id(7).email("ada@example.com").name("Ada")).block();

        // tag::perCall[]
        Mono<Account> cached = db.account().findUnique(q -> q.where(w -> w.id(7))
                .cache(c -> c.ttl(Duration.ofSeconds(5))      // fresh for 5 s instead of the model's ttl
                             .swr(Duration.ofSeconds(30))     // then served stale for up to 30 s more
                             .tags("team-3")));               // filed under a tag of the application's

        Mono<Account> primary = db.account().findUnique(q -> q.where(w -> w.id(7)).noCache());   // nothing cached

        Mono<Void> dropped = db.core().invalidateCacheTags("team-3");   // drops every entry filed under team-3
        // end::perCall[]

        assertThat(cached.block().name()).isEqualTo("Ada");   // a miss: loaded and cached
        assertThat(cached.block().name()).isEqualTo("Ada");   // a hit
        assertThat(primary.block().name()).isEqualTo("Ada");  // neither
        dropped.block();
        assertThat(cached.block().name()).isEqualTo("Ada");   // a miss again

        // tag::statistics[]
        CacheStatistics stats = db.core().cacheStatistics();
        stats.hits();           // answered by a fresh entry
        stats.staleHits();      // answered by a stale entry within its swr window
        stats.misses();         // loaded from the primary and cached
        stats.invalidations();  // invalidations sent (one per write that invalidated, per cache datasource)
        stats.errors();         // cache operations that failed and fell back to the primary

        CacheStatistics accounts = db.core().cacheStatistics("Account");          // one model's figures
        Map<String, CacheStatistics> byModel = db.core().cacheStatisticsByModel(); // every cached model's
        // end::statistics[]

        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.misses()).isEqualTo(2);
        assertThat(stats.errors()).isZero();
        assertThat(accounts.misses()).isEqualTo(2);
        assertThat(byModel).containsOnlyKeys("Account");
    }
}
