package dev.refract.r2dbc.migrate.diff;

import dev.refract.meta.Provider;
import dev.refract.r2dbc.catalog.Catalog;
import dev.refract.r2dbc.catalog.CatalogReader;
import dev.refract.r2dbc.migrate.DriftCheck;
import dev.refract.r2dbc.migrate.Migration;
import dev.refract.r2dbc.migrate.MigrationDirectory;
import dev.refract.r2dbc.migrate.Migrator;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.nio.file.Path;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * What a migration history makes: its migrations replayed into a {@link ShadowNamespace} beside the
 * datasource's database, read back as a {@link Catalog}. {@code migrate dev} diffs the schema against
 * it; as a {@link DriftCheck}, it compares the live database with it.
 */
public final class HistoryReplay implements DriftCheck {

    private final ConnectionFactoryOptions server;
    private final Provider provider;
    private final ConnectionFactory live;

    /**
     * Replays on the server of {@code server}'s options (the datasource's own), for a database whose
     * connections are {@code live}.
     */
    public HistoryReplay(ConnectionFactoryOptions server, Provider provider, ConnectionFactory live) {
        this.server = server;
        this.provider = provider;
        this.live = live;
    }

    /**
     * The catalog {@code migrations} make on an empty namespace. The shadow namespace is dropped
     * afterwards, also when a migration fails. Nothing happens until subscription.
     */
    public Mono<Catalog> replay(MigrationDirectory migrations) {
        return Mono.usingWhen(ShadowNamespace.create(server, provider),
                shadow -> Migrator.of(shadow.connections(), provider).deploy(migrations)
                        .then(CatalogReader.read(shadow.connections(), provider))
                        .map(HistoryReplay::withoutHistoryTable),
                ShadowNamespace::drop);
    }

    /**
     * The changes that would bring the live database back to what {@code applied} make, one statement
     * each; empty when the database matches its history.
     */
    @Override
    public Mono<List<String>> differences(List<Migration> applied) {
        MigrationDirectory replayed = new MigrationDirectory("shadow", Path.of("."), applied);
        return replay(replayed).zipWith(CatalogReader.read(live, provider).map(HistoryReplay::withoutHistoryTable))
                .map(catalogs -> MigrationSql.of(provider)
                        .render(SchemaDiff.between(catalogs.getT2(), catalogs.getT1(), Renames.NONE))
                        .stream().map(statement -> "to match the history the database would need: " + statement)
                        .toList());
    }

    /** {@code catalog} without the history table, which is the migrations' record, not the schema. */
    public static Catalog withoutHistoryTable(Catalog catalog) {
        return new Catalog(catalog.tables().stream().filter(table -> !table.name().equals(Migrator.HISTORY_TABLE))
                .toList(), catalog.enums());
    }
}
