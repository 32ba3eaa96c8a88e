/**
 * {@code refract migrate}: dev, deploy, diff, status, resolve and reset of each relational and
 * MongoDB datasource's migration history, printing what {@link dev.refract.r2dbc.migrate.Migrator}
 * and {@link dev.refract.mongo.migrate.MongoMigrator} report.
 */
package dev.refract.cli.migrate;
