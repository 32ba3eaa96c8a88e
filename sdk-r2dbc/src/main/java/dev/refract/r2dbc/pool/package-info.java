/**
 * The connection pool of one datasource on r2dbc-pool: sized from the schema or the client
 * builder, started on first use, disposed by the adapter's {@code close()}, with its metrics
 * readable and an exhausted pool reported as a typed acquire timeout.
 */
package dev.refract.r2dbc.pool;
