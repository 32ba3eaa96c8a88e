/**
 * The schema diff of relational migrations: from the {@link dev.refract.r2dbc.catalog.Catalog} a
 * database has to the one it should have, the ordered {@link dev.refract.r2dbc.migrate.diff.Step}s
 * that get it there ({@link dev.refract.r2dbc.migrate.diff.SchemaDiff}, pure), their SQL per
 * database ({@link dev.refract.r2dbc.migrate.diff.MigrationSql}, pure), and the
 * {@link dev.refract.r2dbc.migrate.diff.MigrationPlan} that weighs each destructive step against the
 * rows of the live database ({@link dev.refract.r2dbc.migrate.diff.MigrationPlanner}).
 */
package dev.refract.r2dbc.migrate.diff;
