package dev.refract.mongo.schema;

import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.refract.meta.SchemaMeta;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code db push} for a MongoDB datasource: brings the database to the collections and indexes the
 * schema asks for, without a migration history. Creates the missing collections and indexes, drops
 * the indexes the schema no longer has (and changed ones, to create them again), and keeps every
 * collection and document. A second push changes nothing.
 */
public final class MongoPush {

    private MongoPush() {
    }

    /**
     * Pushes the datasource at {@code datasource} of {@code schema} to {@code database}. Nothing
     * happens until subscription.
     *
     * @return the steps applied
     */
    public static Mono<PushReport> push(SchemaMeta schema, int datasource, MongoDatabase database) {
        return Mono.defer(() -> {
            DatabaseSchema wanted = DesiredSchema.of(schema, datasource);
            return SchemaReader.read(database)
                    .map(current -> SchemaDiff.between(current, wanted))
                    .flatMap(steps -> Flux.fromIterable(steps)
                            .concatMap(step -> StepRunner.run(database, step))
                            .then(Mono.just(new PushReport(steps))));
        });
    }
}
