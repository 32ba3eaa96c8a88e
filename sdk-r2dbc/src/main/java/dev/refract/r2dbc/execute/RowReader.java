package dev.refract.r2dbc.execute;

import dev.refract.r2dbc.codec.Column;
import dev.refract.spi.Row;
import io.r2dbc.spi.RowMetadata;
import java.util.function.BiFunction;

/**
 * Reads the driver rows of one result by its shape's {@link RowPlan}: the columns are described on
 * the first row and serve the rest. One reader serves one result, read serially.
 */
final class RowReader implements BiFunction<io.r2dbc.spi.Row, RowMetadata, Row> {

    private final RowPlan plan;
    private Column[] columns;

    RowReader(RowPlan plan) {
        this.plan = plan;
    }

    @Override
    public Row apply(io.r2dbc.spi.Row row, RowMetadata metadata) {
        if (columns == null) {
            columns = plan.columns(metadata);
        }
        return plan.read(row, columns);
    }
}
