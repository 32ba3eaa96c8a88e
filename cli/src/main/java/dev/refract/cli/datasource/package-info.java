/**
 * What the database commands share: which datasources of the schema they work on, the URL and
 * connections of each, and {@link dev.refract.cli.datasource.DatasourceCommand}, which runs a
 * command's work datasource by datasource.
 */
package dev.refract.cli.datasource;
