/**
 * Per-test-class namespaces on the shared test servers (a PostgreSQL schema, a MySQL database,
 * a Redis key prefix, a MongoDB database), handed to tests by
 * {@link dev.refract.test.isolation.RefractTestDatabases} and dropped after the class.
 */
package dev.refract.test.isolation;
