package dev.refract.r2dbc.catalog;

import dev.refract.r2dbc.catalog.Catalog.Column;
import dev.refract.r2dbc.catalog.Catalog.ForeignKey;
import dev.refract.r2dbc.catalog.Catalog.Index;
import dev.refract.r2dbc.catalog.Catalog.PrimaryKey;
import dev.refract.r2dbc.catalog.Catalog.Table;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What both catalog readers share: running one catalog query, and gathering a table from several. */
final class CatalogRows {

    private CatalogRows() {
    }

    /** The rows of {@code sql} on {@code connection}, each mapped by {@code mapper}. */
    static <T> Mono<List<T>> rows(Connection connection, String sql, Function<Row, T> mapper) {
        return Flux.from(connection.createStatement(sql).execute())
                .concatMap(result -> result.map((row, metadata) -> mapper.apply(row)))
                .collectList();
    }

    /** One table's parts, gathered from the rows of several queries. */
    static final class TableParts {
        final List<Column> columns = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        PrimaryKey primaryKey;

        Table table(String name) {
            return new Table(name, columns, primaryKey, indexes, foreignKeys);
        }
    }
}
