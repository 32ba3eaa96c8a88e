package dev.refract.benchmarks.compare.r2dbc;

import dev.refract.benchmarks.compare.r2dbc.SpringRows.ChildRow;
import dev.refract.benchmarks.compare.r2dbc.SpringRows.EntryRow;
import dev.refract.benchmarks.compare.r2dbc.SpringRows.ParentRow;
import dev.refract.benchmarks.compare.r2dbc.SpringRows.SampleRow;
import java.util.Collection;
import org.springframework.data.r2dbc.repository.Modifying;
import org.springframework.data.r2dbc.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The Spring Data repositories a user declares for the comparison's tables. */
final class SpringRepositories {

    private SpringRepositories() {
    }

    /** The ten-column records the reads and the increment use. */
    interface SampleRepository extends ReactiveCrudRepository<SampleRow, Integer> {

        /** Every record whose id is at most {@code maxId}: a derived query. */
        Flux<SampleRow> findByIdLessThanEqual(Integer maxId);

        /** Adds one to the counter and returns the record as updated, in one statement ({@code RETURNING}). */
        @Query(SpringTemplateContender.INCREMENT_RETURNING)
        Mono<SampleRow> incrementCounter(@Param("id") Integer id);

        /** Adds one to the counter, where an update cannot return the record (MySQL); returns the rows updated. */
        @Modifying
        @Query(SpringTemplateContender.INCREMENT_MYSQL)
        Mono<Long> addToCounter(@Param("id") Integer id);
    }

    /** The records the creates write. */
    interface EntryRepository extends ReactiveCrudRepository<EntryRow, Integer> {
    }

    /** The parents. */
    interface ParentRepository extends ReactiveCrudRepository<ParentRow, Integer> {
    }

    /** The children. */
    interface ChildRepository extends ReactiveCrudRepository<ChildRow, Integer> {

        /** The children of these parents: a derived query with {@code IN}. */
        Flux<ChildRow> findByParentIdIn(Collection<Integer> parentIds);
    }
}
