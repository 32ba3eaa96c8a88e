package dev.refract.spi;

import java.util.List;

/**
 * What {@link Executor#execute} produced.
 *
 * @param rows  the rows of a record-returning operation; empty for counting ones
 * @param count the number of records counted or affected; the number of rows for record-returning operations
 */
public record Result(List<Row> rows, long count) {

    public Result {
        rows = List.copyOf(rows);
    }

    /** The result of a record-returning operation. */
    public static Result ofRows(List<Row> rows) {
        return new Result(rows, rows.size());
    }

    /** The result of a counting operation. */
    public static Result ofCount(long count) {
        return new Result(List.of(), count);
    }
}
