package dev.refract.benchmarks.compare.mongo;

import com.mongodb.reactivestreams.client.MongoClient;
import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Role;
import dev.refract.benchmarks.compare.RowSink;
import dev.refract.benchmarks.compare.mongo.SpringDocuments.EntryDocument;
import dev.refract.benchmarks.compare.mongo.SpringRepositories.ChildRepository;
import dev.refract.benchmarks.compare.mongo.SpringRepositories.EntryRepository;
import dev.refract.benchmarks.compare.mongo.SpringRepositories.ParentRepository;
import dev.refract.benchmarks.compare.mongo.SpringRepositories.SampleRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.repository.support.ReactiveMongoRepositoryFactory;
import reactor.core.publisher.Mono;

/**
 * Spring Data MongoDB's repositories ({@code ReactiveMongoRepository} with derived queries and one
 * {@code @Update} method), made by {@link ReactiveMongoRepositoryFactory} over a template on a client
 * whose pool has as many connections as Refract's, without Spring Boot. {@code saveAll} of new documents
 * inserts a batch with one {@code insertMany}. A repository method cannot return the document it
 * updates, so the increment is the {@code @Update} method followed by {@code findById}. The stream's
 * batch size is fixed by its annotation ({@link SpringRepositories#STREAM_BATCH_SIZE}).
 */
public final class SpringRepositoryContender implements Contender {

    private final MongoClient client;
    private final SampleRepository samples;
    private final EntryRepository entries;
    private final ParentRepository parents;
    private final ChildRepository children;

    /** The repositories on a pool of {@code poolSize} connections to the database of {@code url}. */
    public SpringRepositoryContender(String url, int poolSize) {
        this.client = Clients.create(url, poolSize, "spring-repository");
        ReactiveMongoRepositoryFactory factory = new ReactiveMongoRepositoryFactory(
                new ReactiveMongoTemplate(client, Clients.database(url)));
        this.samples = factory.getRepository(SampleRepository.class);
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
        return "Spring Data MongoDB, repository";
    }

    @Override
    public Role role() {
        return Role.PEER;
    }

    @Override
    public Mono<Long> findUnique(int id) {
        return samples.findById(MongoIds.hex(id)).map(SpringDocuments::fingerprint);
    }

    @Override
    public Mono<Void> stream(int maxId, RowSink sink) {
        return samples.findByIdLessThanEqual(MongoIds.hex(maxId))
                .doOnNext(sample -> sink.accept(SpringDocuments.fingerprint(sample)))
                .then();
    }

    @Override
    public Mono<Long> create(int index) {
        return entries.save(SpringDocuments.entry(index)).map(SpringDocuments::content);
    }

    @Override
    public Mono<Long> createMany(int first, int count) {
        return Mono.defer(() -> {
            List<EntryDocument> batch = new ArrayList<>(count);
            for (int index = first; index < first + count; index++) {
                batch.add(SpringDocuments.entry(index));
            }
            return entries.saveAll(batch).count();
        });
    }

    @Override
    public Mono<Long> include() {
        return parents.findAll().collectList()
                .flatMap(found -> children.findByParentIdIn(SpringDocuments.ids(found)).collectList()
                        .map(loaded -> SpringDocuments.stitch(found, loaded)));
    }

    @Override
    public Mono<Long> increment(int id) {
        String hex = MongoIds.hex(id);
        return samples.findAndIncrementCounterById(hex).then(samples.findById(hex)).map(SpringDocuments::fingerprint);
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(client::close);
    }
}
