/**
 * SQL for the relational adapter: the dialects and the pure renderer that turns the query model
 * into {@link dev.refract.r2dbc.sql.SqlStatement}s — SQL text with placeholders and the values
 * bound to them, never a value spliced into the text. Nothing here touches a connection, so all of
 * it is unit-tested without a database.
 *
 * <p>{@link dev.refract.r2dbc.sql.SqlRenderer} writes the shape of every statement once and asks a
 * {@link dev.refract.r2dbc.sql.Dialect} for each piece that differs between databases
 * ({@link dev.refract.r2dbc.sql.PostgresDialect}, {@link dev.refract.r2dbc.sql.MySqlDialect} for a
 * {@link dev.refract.r2dbc.sql.MySqlServer}). Writes a dialect cannot carry out in one statement
 * are {@link dev.refract.r2dbc.sql.SqlPlan}s: statements run in order in one transaction, a later
 * one built from what earlier ones returned. How filters become conditions:
 * <ul>
 *   <li>{@code equals}/{@code not}/{@code lt}/{@code lte}/{@code gt}/{@code gte}: the column, the
 *       operator ({@code =}, {@code <>}, …) and a bind with the column's cast. A missing value never
 *       matches a comparison (SQL's three-valued logic, as in Prisma); {@code isNull} tests it.</li>
 *   <li>{@code in}/{@code notIn}: one bind per element; an empty {@code in} is {@code FALSE}, an
 *       empty {@code notIn} is {@code TRUE}.</li>
 *   <li>{@code contains}/{@code startsWith}/{@code endsWith}: {@code LIKE} with a bound pattern in
 *       which {@code %}, {@code _} and the escape character are escaped
 *       ({@link dev.refract.r2dbc.sql.LikePattern}).</li>
 *   <li>{@code mode: insensitive} on text fields: the dialect's insensitive {@code LIKE}
 *       ({@code ILIKE}) for patterns, or {@code LOWER(column) LIKE LOWER(?)} where there is none,
 *       {@code lower(column) op lower($n)} otherwise; ignored on fields without case. (In MySQL the
 *       default mode follows the column's collation, which usually ignores case already.)</li>
 *   <li>{@code AND}, {@code OR}: parenthesised when nested; an empty {@code AND} is {@code TRUE}
 *       (and leaves out {@code WHERE}), an empty {@code OR} is {@code FALSE}; {@code NOT (…)}.</li>
 *   <li>Two fields of a row: {@code "a" op "b"}. Scalar lists and JSON paths: as the dialect
 *       spells them (see {@link dev.refract.r2dbc.sql.PostgresDialect}).</li>
 *   <li>Relation filters ({@code some}, {@code every}, {@code none}, {@code is}, {@code isNot}):
 *       {@code EXISTS} subqueries correlated with the row through the relation's link, nested to
 *       any depth (see {@code FilterRenderer}).</li>
 *   <li>A comparison or write naming a relation field, an operator that does not fit the field's type,
 *       or a value of the wrong shape is rejected with an
 *       {@link dev.refract.error.InvalidQueryException} naming the model, the field and the fix.</li>
 * </ul>
 */
package dev.refract.r2dbc.sql;
