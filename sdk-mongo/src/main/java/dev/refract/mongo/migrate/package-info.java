/**
 * Migrations of a MongoDB datasource: {@code migrate deploy}, {@code status}, {@code resolve} and
 * {@code reset} ({@link dev.refract.mongo.migrate.MongoMigrator}), in the shapes of the SQL
 * datasources' — same statuses, reports and messages — over MongoDB's own means.
 *
 * <p>Each datasource has its own history: the directory
 * {@code migrations/<datasource>/<yyyyMMddHHmmss>_<name>/migration.json}, a JSON array of MongoDB
 * commands ({@link dev.refract.mongo.migrate.MongoMigrationDirectory}), and the
 * {@code _refract_migrations} collection of the database, one document per attempt
 * ({@link dev.refract.mongo.migrate.MongoHistoryEntry}). Commands that change the database hold a
 * lock document with a lease in {@code _refract_migrations_lock}
 * ({@link dev.refract.mongo.migrate.MigrationLock}), so concurrent deploys apply each migration once.
 */
package dev.refract.mongo.migrate;
