/**
 * Translation of R2DBC and PostgreSQL errors into Refract's typed family: SQLSTATE classes to
 * exceptions, constraint details to the model's field and relation names, every message redacted
 * of URL passwords.
 */
package dev.refract.r2dbc.error;
