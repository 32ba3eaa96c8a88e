/**
 * {@code db push} for PostgreSQL: the data definition statements that create a datasource's enum
 * types, tables, indexes and foreign keys from the schema's runtime metadata, rendered by a pure
 * function, and their execution on an empty database schema in one transaction.
 */
package dev.refract.r2dbc.ddl;
