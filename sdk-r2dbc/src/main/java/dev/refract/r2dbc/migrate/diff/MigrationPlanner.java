package dev.refract.r2dbc.migrate.diff;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Weighs a {@link Migration} against the live database: counts the rows each of its hazards
 * touches there, one query after another on one connection, and makes the {@link MigrationPlan}.
 * A hazard that touches no row is no warning. Reads only.
 */
public final class MigrationPlanner {

    private MigrationPlanner() {
    }

    /**
     * The plan of {@code changes} in {@code sql}'s database, counted through a connection of
     * {@code live}. Nothing happens until subscription.
     *
     * @param acceptDataLoss whether the person running the migration accepts losing the data the
     *                       warnings name
     */
    public static Mono<MigrationPlan> plan(SchemaChanges changes, MigrationSql sql, ConnectionFactory live,
                                           boolean acceptDataLoss) {
        List<String> statements = sql.render(changes);
        if (changes.hazards().isEmpty()) {
            return Mono.just(new MigrationPlan(statements, List.of(), List.of(), acceptDataLoss));
        }
        return Mono.usingWhen(live.create(), connection -> Flux.fromIterable(changes.hazards())
                        .concatMap(hazard -> count(connection, sql.count(hazard)).map(rows -> DataLossWarning.of(hazard, rows)))
                        .filter(warning -> warning.rows() > 0)
                        .collectList(),
                Connection::close)
                .map(counted -> {
                    List<DataLossWarning> warnings = new ArrayList<>();
                    List<DataLossWarning> refusals = new ArrayList<>();
                    counted.forEach(warning -> (warning.hazard().blocking() ? refusals : warnings).add(warning));
                    return new MigrationPlan(statements, warnings, refusals, acceptDataLoss);
                });
    }

    private static Mono<Long> count(Connection connection, String query) {
        return Flux.from(connection.createStatement(query).execute())
                .concatMap(result -> result.map((row, metadata) -> ((Number) row.get(0)).longValue()))
                .next()
                .defaultIfEmpty(0L);
    }
}
