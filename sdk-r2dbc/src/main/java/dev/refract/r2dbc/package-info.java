/**
 * The relational adapter: {@link dev.refract.r2dbc.R2dbcAdapter} runs the statements a
 * {@link dev.refract.r2dbc.StatementRenderer} makes of each operation on the datasource's own
 * r2dbc-pool, for PostgreSQL, MySQL and MariaDB ({@link dev.refract.r2dbc.R2dbcDatabase}), and
 * {@link dev.refract.r2dbc.R2dbcAdapterProvider} makes one per datasource.
 */
package dev.refract.r2dbc;
