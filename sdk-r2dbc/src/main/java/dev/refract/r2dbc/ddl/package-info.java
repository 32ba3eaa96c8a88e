/**
 * {@code db push} for PostgreSQL and MySQL: the data definition statements that create a
 * datasource's tables, indexes, foreign keys (and PostgreSQL's enum types) from the schema's
 * runtime metadata, rendered by pure functions ({@link dev.refract.r2dbc.ddl.PostgresDdl},
 * {@link dev.refract.r2dbc.ddl.MySqlDdl}) with Prisma's constraint names
 * ({@link dev.refract.r2dbc.ddl.ConstraintNames}), and their execution on an empty database
 * ({@link dev.refract.r2dbc.ddl.DbPush}). The facts behind each column
 * ({@link dev.refract.r2dbc.ddl.ColumnDefinition}), the names and the referential actions also
 * build the desired catalog that migrations diff against, so push and migrations agree.
 */
package dev.refract.r2dbc.ddl;
