package dev.refract.mongo.schema;

import com.mongodb.reactivestreams.client.MongoDatabase;
import dev.refract.meta.SchemaMeta;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code db push} for a MongoDB datasource: brings the database to the collections and indexes the
 * schema asks for, without a migration history. Creates the missing collections and indexes, drops
 * the indexes the schema no longer has (and changed ones, to create them again), and keeps every
 * collection and document. A second push changes nothing. A database that keeps a migration history
 * is refused, as for the SQL datasources.
 */
public final class MongoPush {

    private MongoPush() {
    }

    /**
     * Pushes the datasource at {@code datasource} of {@code schema} to {@code database}. Nothing
     * happens until subscription.
     *
     * @return the steps applied; fails with {@link IllegalStateException} when the database keeps a
     *         migration history, which a push would make it drift from
     */
    public static Mono<PushReport> push(SchemaMeta schema, int datasource, MongoDatabase database) {
        return Mono.defer(() -> {
            DatabaseSchema wanted = DesiredSchema.of(schema, datasource);
            return Flux.from(database.listCollectionNames()).filter(SchemaReader.HISTORY::equals).hasElements()
                    .flatMap(migrated -> migrated ? Mono.error(new IllegalStateException("The database of datasource '"
                            + schema.datasource(datasource).name() + "' keeps a migration history ("
                            + SchemaReader.HISTORY + "): change it with migrations (refract migrate dev, then deploy),"
                            + " not db push, or it drifts from its history")) : SchemaReader.read(database))
                    .map(current -> SchemaDiff.between(current, wanted))
                    .flatMap(steps -> Flux.fromIterable(steps)
                            .concatMap(step -> StepRunner.run(database, step))
                            .then(Mono.just(new PushReport(steps))));
        });
    }
}
