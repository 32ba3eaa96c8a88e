package dev.refract.mongo.schema;

import com.mongodb.MongoCommandException;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Runs {@link SchemaStep}s on a database so that running one again changes nothing: creating a
 * collection that exists, or an index that exists as asked, and dropping an index or collection
 * that is gone, all succeed. An index that exists under the name with other keys or options is a
 * real conflict, and fails.
 */
public final class StepRunner {

    /** NamespaceNotFound: the collection of a drop is gone. */
    private static final int NAMESPACE_NOT_FOUND = 26;
    /** IndexNotFound: the index of a drop is gone. */
    private static final int INDEX_NOT_FOUND = 27;
    /** NamespaceExists: the collection to create exists. */
    private static final int NAMESPACE_EXISTS = 48;

    private StepRunner() {
    }

    /** Runs {@code step} on {@code database}. Nothing happens until subscription. */
    public static Mono<Void> run(MongoDatabase database, SchemaStep step) {
        Set<Integer> done = alreadyDone(step);
        return Mono.from(database.runCommand(step.command()))
                .onErrorResume(MongoCommandException.class, e -> done.contains(e.getErrorCode()) ? Mono.empty()
                        : Mono.error(e))
                .then();
    }

    /** The error codes that mean the step's work is done already. */
    private static Set<Integer> alreadyDone(SchemaStep step) {
        if (step instanceof SchemaStep.CreateCollection) {
            return Set.of(NAMESPACE_EXISTS);
        }
        if (step instanceof SchemaStep.DropIndex) {
            return Set.of(INDEX_NOT_FOUND, NAMESPACE_NOT_FOUND);
        }
        if (step instanceof SchemaStep.DropCollection) {
            return Set.of(NAMESPACE_NOT_FOUND);
        }
        return Set.of();
    }
}
