package dev.refract.benchmarks.compare.r2dbc;

/**
 * What the hand-written SQL of the comparison must know about a database: how it quotes a name,
 * how a statement names its parameters, and whether a write can return the rows it wrote.
 *
 * @param driver        the driver's name in the report, e.g. {@code r2dbc-postgresql}
 * @param quote         the character around a table or column name
 * @param numbered      true for {@code $1, $2, …} parameters, false for {@code ?}
 * @param returning     true when {@code INSERT} and {@code UPDATE} take {@code RETURNING}
 * @param arrays        true when one parameter can carry an array of ids ({@code = ANY($1)})
 */
public record SqlSyntax(String driver, char quote, boolean numbered, boolean returning, boolean arrays) {

    /** PostgreSQL through r2dbc-postgresql. */
    public static final SqlSyntax POSTGRESQL = new SqlSyntax("r2dbc-postgresql", '"', true, true, true);

    /**
     * MySQL and MariaDB through r2dbc-mysql; without {@code RETURNING}, which MySQL lacks (MariaDB has it
     * for inserts only), so the hand-written code reads a written row back, as a portable application does.
     */
    public static final SqlSyntax MYSQL = new SqlSyntax("r2dbc-mysql", '`', false, false, false);

    /** {@code name} quoted. */
    public String name(String name) {
        return quote + name + quote;
    }

    /** The names quoted and joined by commas. */
    public String names(String... names) {
        StringBuilder list = new StringBuilder();
        for (String each : names) {
            list.append(list.isEmpty() ? "" : ", ").append(name(each));
        }
        return list.toString();
    }

    /** The parameter at {@code index} (from 0). */
    public String parameter(int index) {
        return numbered ? "$" + (index + 1) : "?";
    }

    /** The parameters {@code from} to {@code from + count - 1}, joined by commas. */
    public String parameters(int from, int count) {
        StringBuilder list = new StringBuilder();
        for (int index = from; index < from + count; index++) {
            list.append(index == from ? "" : ", ").append(parameter(index));
        }
        return list.toString();
    }
}
