package dev.refract.benchmarks.compare.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.mongodb.reactivestreams.client.MongoClient;
import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Role;
import dev.refract.benchmarks.compare.RowSink;
import dev.refract.benchmarks.compare.mongo.SpringDocuments.ChildDocument;
import dev.refract.benchmarks.compare.mongo.SpringDocuments.EntryDocument;
import dev.refract.benchmarks.compare.mongo.SpringDocuments.ParentDocument;
import dev.refract.benchmarks.compare.mongo.SpringDocuments.SampleDocument;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Spring Data MongoDB's {@link ReactiveMongoTemplate} on a client whose pool has as many connections as
 * Refract's, without Spring Boot: the fluent criteria API for reads, {@code insert} and {@code insertAll}
 * for the creates (one {@code insertMany} per batch), and {@code findAndModify} with {@code $inc}
 * returning the new document for the increment. The stream asks for the harness's batch size.
 */
public final class SpringTemplateContender implements Contender {

    private final MongoClient client;
    private final ReactiveMongoTemplate template;
    private final int fetchSize;
    private final FindAndModifyOptions returnNew = FindAndModifyOptions.options().returnNew(true);

    /** The template on a pool of {@code poolSize} connections to the database of {@code url}. */
    public SpringTemplateContender(String url, int poolSize, int fetchSize) {
        this.client = Clients.create(url, poolSize, "spring-template");
        this.template = new ReactiveMongoTemplate(client, Clients.database(url));
        this.fetchSize = fetchSize;
    }

    @Override
    public String key() {
        return "spring-template";
    }

    @Override
    public String name() {
        return "Spring Data MongoDB, ReactiveMongoTemplate";
    }

    @Override
    public Role role() {
        return Role.PEER;
    }

    @Override
    public Mono<Long> findUnique(int id) {
        return template.findById(MongoIds.hex(id), SampleDocument.class).map(SpringDocuments::fingerprint);
    }

    @Override
    public Mono<Void> stream(int maxId, RowSink sink) {
        return template.find(query(where("id").lte(MongoIds.hex(maxId))).cursorBatchSize(fetchSize),
                        SampleDocument.class)
                .doOnNext(sample -> sink.accept(SpringDocuments.fingerprint(sample)))
                .then();
    }

    @Override
    public Mono<Long> create(int index) {
        return template.insert(SpringDocuments.entry(index)).map(SpringDocuments::content);
    }

    @Override
    public Mono<Long> createMany(int first, int count) {
        return Mono.defer(() -> {
            List<EntryDocument> batch = new ArrayList<>(count);
            for (int index = first; index < first + count; index++) {
                batch.add(SpringDocuments.entry(index));
            }
            return template.insertAll(batch).count();
        });
    }

    @Override
    public Mono<Long> include() {
        return template.findAll(ParentDocument.class).collectList()
                .flatMap(parents -> template.find(query(where("parentId").in(SpringDocuments.ids(parents))),
                                ChildDocument.class)
                        .collectList()
                        .map(children -> SpringDocuments.stitch(parents, children)));
    }

    @Override
    public Mono<Long> increment(int id) {
        return template.findAndModify(query(where("id").is(MongoIds.hex(id))), new Update().inc("counter", 1),
                returnNew, SampleDocument.class).map(SpringDocuments::fingerprint);
    }

    @Override
    public Mono<Void> close() {
        return Mono.fromRunnable(client::close);
    }
}
