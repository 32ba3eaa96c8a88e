/**
 * Translation of R2DBC driver errors into Refract's typed family: each database's errors are read
 * into one form (PostgreSQL's SQLSTATEs and details, MySQL's and MariaDB's error codes and
 * messages), whose constraints, tables and columns are mapped once to the schema's models,
 * relations and fields; every message is redacted of URL passwords.
 */
package dev.refract.r2dbc.error;
