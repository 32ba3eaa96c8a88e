/**
 * SQL for the relational adapter: the dialects and the pure renderer that turns the query model
 * into {@link dev.refract.r2dbc.sql.SqlStatement}s — SQL text with placeholders and the values
 * bound to them, never a value spliced into the text. Nothing here touches a connection, so all of
 * it is unit-tested without a database.
 */
package dev.refract.r2dbc.sql;
