package dev.refract.r2dbc.migrate.diff;

import java.util.List;

/**
 * What a step of a migration may do to the data already in the database, to be counted against
 * the live database before the migration runs. Tables and columns are named as the live database
 * has them. A {@linkplain #blocking() blocking} hazard with rows makes the migration impossible as
 * it stands; any other with rows loses data, which must be accepted.
 */
public sealed interface Hazard {

    /** The table, as the live database names it, whose rows are counted. */
    String table();

    /** True when rows make the step fail whatever is accepted, so the schema must change first. */
    default boolean blocking() {
        return false;
    }

    /** What the step does to {@code rows} rows, said to the person running the migration. */
    String describe(long rows);

    /** A table is dropped: counts its rows. */
    record DroppedTable(String table) implements Hazard {

        @Override
        public String describe(long rows) {
            return "Table " + table + " is dropped, and with it its " + rows + " row" + (rows == 1 ? "" : "s") + ".";
        }
    }

    /** A column is dropped: counts its non-null values. */
    record DroppedColumn(String table, String column) implements Hazard {

        @Override
        public String describe(long rows) {
            return "Column " + column + " of table " + table + " is dropped, and with it its " + rows
                    + " non-null value" + (rows == 1 ? "" : "s") + ".";
        }
    }

    /** Enum values a column holds are removed: counts the rows that hold one of them. */
    record RemovedEnumValues(String table, String column, boolean list, List<String> values) implements Hazard {

        public RemovedEnumValues {
            values = List.copyOf(values);
        }

        @Override
        public String describe(long rows) {
            return "The enum values " + values + " are removed, but " + rows + " row" + (rows == 1 ? "" : "s")
                    + " of table " + table + " hold" + (rows == 1 ? "s" : "") + " one in column " + column
                    + "; the migration fails on them unless they are changed to another value first.";
        }
    }

    /**
     * A column's type becomes narrower: counts the values longer than {@code maxLength}, or, when
     * that is {@code null}, every non-null value, as any of them may not fit.
     */
    record NarrowedType(String table, String column, String from, String to, Integer maxLength) implements Hazard {

        @Override
        public String describe(long rows) {
            return "Column " + column + " of table " + table + " changes from " + from + " to " + to + ", and " + rows
                    + " of its values " + (maxLength != null ? "are longer than " + maxLength + " characters"
                    : "may not fit the new type") + ".";
        }
    }

    /** A required column without a default is added to a table: counts the table's rows, which it cannot fill. */
    record RequiredColumnWithoutDefault(String table, String column) implements Hazard {

        @Override
        public boolean blocking() {
            return true;
        }

        @Override
        public String describe(long rows) {
            return "Cannot add the required column " + column + " to table " + table + ": the table has " + rows
                    + " row" + (rows == 1 ? "" : "s") + " and the column has no default to fill them with. Give the"
                    + " field a @default(...), or add it as optional first (Type?), fill it, then make it required.";
        }
    }

    /** A column becomes required: counts the rows that hold null in it. */
    record NullsInRequiredColumn(String table, String column) implements Hazard {

        @Override
        public boolean blocking() {
            return true;
        }

        @Override
        public String describe(long rows) {
            return "Cannot make column " + column + " of table " + table + " required: " + rows + " row"
                    + (rows == 1 ? " holds" : "s hold") + " null in it. Fill them with a value first, then make the"
                    + " field required.";
        }
    }
}
