package dev.refract.mongo.schema;

import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.Set;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads the collections of a MongoDB database and their indexes, leaving out what Refract does not
 * look after: MongoDB's {@code system.*} collections and {@code _id_} indexes, views, and the
 * collections of Refract's own migration history.
 */
public final class SchemaReader {

    /** The collection of a datasource's migration history, one document per attempt. */
    public static final String HISTORY = "_refract_migrations";

    /** The collection of the migration lock's document. */
    public static final String HISTORY_LOCK = "_refract_migrations_lock";

    /** The collections of Refract's migration history and its lock, never part of a schema. */
    public static final Set<String> HISTORY_COLLECTIONS = Set.of(HISTORY, HISTORY_LOCK);

    private SchemaReader() {
    }

    /** The collections and indexes {@code database} holds. Nothing happens until subscription. */
    public static Mono<DatabaseSchema> read(MongoDatabase database) {
        return Flux.from(database.listCollections())
                .filter(collection -> !"view".equals(collection.getString("type")))
                .map(collection -> collection.getString("name"))
                .filter(name -> !name.startsWith("system.") && !HISTORY_COLLECTIONS.contains(name))
                .sort()
                .concatMap(name -> Flux.from(database.getCollection(name).listIndexes())
                        .filter(index -> !"_id_".equals(index.getString("name")))
                        .map(IndexDefinition::of)
                        .collectList()
                        .map(indexes -> new CollectionDefinition(name, indexes)))
                .collectList()
                .map(DatabaseSchema::new);
    }
}
