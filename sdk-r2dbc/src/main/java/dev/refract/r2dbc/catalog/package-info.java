/**
 * What a relational database holds, as plain records: the {@link dev.refract.r2dbc.catalog.Catalog}
 * of one namespace (a PostgreSQL schema or a MySQL database) with its tables, columns, keys,
 * indexes, foreign keys and PostgreSQL enum types. A catalog is read from a live database
 * ({@link dev.refract.r2dbc.catalog.PostgresCatalogReader}, {@link dev.refract.r2dbc.catalog.MySqlCatalogReader})
 * or built from the schema's metadata ({@link dev.refract.r2dbc.catalog.DesiredCatalog}) by the same
 * facts {@code db push} creates tables from. Both spell types and defaults the same canonical way, so
 * a pushed schema reads back equal to its desired catalog.
 */
package dev.refract.r2dbc.catalog;
