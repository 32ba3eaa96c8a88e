package dev.refract.r2dbc.execute;

import dev.refract.r2dbc.codec.Column;
import io.r2dbc.spi.ColumnMetadata;
import io.r2dbc.spi.RowMetadata;

/**
 * Chosen columns of one result as codecs read them, with the database types (OIDs) they were
 * described from, so that a later result reporting the same types reuses them. The type is read
 * from the driver's native type, which costs nothing; {@code ColumnMetadata.getType()} would make
 * the driver look up a codec for every column.
 *
 * @param oids    the OID of each chosen column, or -1 where the driver reported none
 * @param columns the chosen columns, in the order asked for
 */
record ResultColumns(int[] oids, Column[] columns) {

    /** The columns at {@code indexes} of a result described by {@code metadata}. */
    static ResultColumns of(RowMetadata metadata, int[] indexes) {
        int[] oids = new int[indexes.length];
        Column[] columns = new Column[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            ColumnMetadata column = metadata.getColumnMetadata(indexes[i]);
            if (column.getNativeTypeMetadata() instanceof Integer oid) {
                oids[i] = oid;
                columns[i] = Column.of(indexes[i], oid);
            } else {
                oids[i] = -1;
                columns[i] = Column.named(indexes[i], column.getType().getName());
            }
        }
        return new ResultColumns(oids, columns);
    }

    /**
     * True when the result of {@code metadata}, which has all the columns asked for, has the same
     * types at them.
     */
    boolean describes(RowMetadata metadata) {
        for (int i = 0; i < columns.length; i++) {
            if (oids[i] < 0 || !(metadata.getColumnMetadata(columns[i].index()).getNativeTypeMetadata()
                    instanceof Integer oid && oid == oids[i])) {
                return false;
            }
        }
        return true;
    }
}
