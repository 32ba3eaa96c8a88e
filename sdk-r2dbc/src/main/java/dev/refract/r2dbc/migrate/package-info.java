/**
 * Migrations for PostgreSQL and MySQL/MariaDB datasources: {@code migrate deploy}, {@code status},
 * {@code resolve} and {@code reset} ({@link dev.refract.r2dbc.migrate.Migrator}).
 *
 * <p>Each datasource has its own history: the directory
 * {@code migrations/<datasource>/<yyyyMMddHHmmss>_<name>/migration.sql}
 * ({@link dev.refract.r2dbc.migrate.MigrationDirectory}) on the files' side, and the
 * {@code _refract_migrations} table of the datasource's namespace on the database's side, one row
 * per attempt ({@link dev.refract.r2dbc.migrate.HistoryEntry}). An applied migration's script is
 * fixed by its checksum ({@link dev.refract.r2dbc.migrate.Checksums}). Scripts run statement by
 * statement, cut by {@link dev.refract.r2dbc.migrate.ScriptSplitter}. Commands report progress as
 * {@link dev.refract.r2dbc.migrate.MigrationEvent}s and fail with a
 * {@link dev.refract.r2dbc.migrate.MigrationException} that says what to do next; the command line
 * only prints them.
 */
package dev.refract.r2dbc.migrate;
