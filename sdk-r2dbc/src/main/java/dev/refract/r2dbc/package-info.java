/**
 * The PostgreSQL adapter: {@link dev.refract.r2dbc.PostgresAdapter} runs the statements a
 * {@link dev.refract.r2dbc.StatementRenderer} makes of each operation on the datasource's own
 * r2dbc-pool, and {@link dev.refract.r2dbc.PostgresAdapterProvider} makes one per datasource.
 */
package dev.refract.r2dbc;
