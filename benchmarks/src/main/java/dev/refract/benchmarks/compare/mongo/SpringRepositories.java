package dev.refract.benchmarks.compare.mongo;

import dev.refract.benchmarks.compare.mongo.SpringDocuments.ChildDocument;
import dev.refract.benchmarks.compare.mongo.SpringDocuments.EntryDocument;
import dev.refract.benchmarks.compare.mongo.SpringDocuments.ParentDocument;
import dev.refract.benchmarks.compare.mongo.SpringDocuments.SampleDocument;
import java.util.Collection;
import org.springframework.data.mongodb.repository.Meta;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import org.springframework.data.mongodb.repository.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The Spring Data MongoDB repositories a user declares for the comparison's collections. */
final class SpringRepositories {

    /**
     * The batch size of the repository's stream. An annotation takes constants only, so it is the
     * harness's default fetch size, whatever {@code --fetchSize} says.
     */
    static final int STREAM_BATCH_SIZE = 256;

    private SpringRepositories() {
    }

    /** The ten-field documents the reads and the increment use. */
    interface SampleRepository extends ReactiveMongoRepository<SampleDocument, String> {

        /** Every document whose id is at most {@code maxId}: a derived query, in batches of the harness's default. */
        @Meta(cursorBatchSize = STREAM_BATCH_SIZE)
        Flux<SampleDocument> findByIdLessThanEqual(String maxId);

        /** Adds one to the counter of the document with {@code id}; returns how many were updated. */
        @Update("{ '$inc' : { 'counter' : 1 } }")
        Mono<Long> findAndIncrementCounterById(String id);
    }

    /** The documents the creates write. */
    interface EntryRepository extends ReactiveMongoRepository<EntryDocument, String> {
    }

    /** The parents. */
    interface ParentRepository extends ReactiveMongoRepository<ParentDocument, String> {
    }

    /** The children. */
    interface ChildRepository extends ReactiveMongoRepository<ChildDocument, String> {

        /** The children of these parents: a derived query with {@code $in}. */
        Flux<ChildDocument> findByParentIdIn(Collection<String> parentIds);
    }
}
