/**
 * {@code db pull}'s direction: a {@link dev.refract.r2dbc.catalog.Catalog} read from an existing
 * database written out as schema models ({@link dev.refract.r2dbc.catalog.pull.SchemaWriter}), the
 * inverse of {@link dev.refract.r2dbc.catalog.DesiredCatalog}. It lives beside the catalog because
 * which native type is which schema type is the adapter's knowledge; it writes text only, so it needs
 * nothing of the code generator. Pure.
 */
package dev.refract.r2dbc.catalog.pull;
