/**
 * Running one {@link dev.refract.r2dbc.sql.SqlStatement} on one R2DBC connection: binding its
 * parameters through the codec registry and reading what it returns into positional rows, a count
 * or a number, streamed in fetch-size batches as the subscriber requests.
 */
package dev.refract.r2dbc.execute;
