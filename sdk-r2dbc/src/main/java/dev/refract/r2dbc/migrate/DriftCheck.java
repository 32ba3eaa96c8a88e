package dev.refract.r2dbc.migrate;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Compares the database's schema with the schema its applied migrations make, for
 * {@code migrate status}. Migrations hold SQL, not a schema, so a check would replay the applied
 * scripts into an empty shadow namespace and diff its catalog with the database's; that comparison
 * belongs to the schema diff, which supplies the implementation. {@link Migrator#status(MigrationDirectory)}
 * runs none and reports {@link Drift.NotChecked}.
 */
@FunctionalInterface
public interface DriftCheck {

    /**
     * The differences between the database and the schema {@code applied} make, in words; an empty
     * list when there are none. Nothing happens until subscription.
     *
     * @param applied the applied migrations, in the order they were applied
     */
    Mono<List<String>> differences(List<Migration> applied);
}
