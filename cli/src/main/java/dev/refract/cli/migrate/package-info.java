/**
 * {@code refract migrate}: deploy, status, resolve and reset of each relational datasource's
 * migration history, printing what {@link dev.refract.r2dbc.migrate.Migrator} reports.
 */
package dev.refract.cli.migrate;
