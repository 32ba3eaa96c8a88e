/**
 * The connection pool of one datasource on r2dbc-pool: sized from the schema or the client
 * builder, started on first use, disposed by the adapter's {@code close()}, with its metrics
 * readable and an exhausted pool reported as a typed acquire timeout. Connections the server or the
 * network ended are dropped as they are handed out, and those found broken are discarded, so that the
 * pool serves again once the server does.
 */
package dev.refract.r2dbc.pool;
