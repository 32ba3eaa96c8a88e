/**
 * Finds the database servers a test run uses, once per JVM and kind: the URL in the kind's
 * variable, else a local server that answers on its standard loopback port, else an embedded
 * server started here and stopped at exit. {@code refract.test.services=embedded} forces the
 * embedded servers. Entry points: {@link dev.refract.test.services.PostgresService},
 * {@link dev.refract.test.services.MysqlService}, {@link dev.refract.test.services.RedisService},
 * {@link dev.refract.test.services.MongoService}, each returning a
 * {@link dev.refract.test.services.ServerEndpoint}.
 */
package dev.refract.test.services;
