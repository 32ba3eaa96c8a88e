package dev.refract.test.isolation;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated test class its own namespaces on the test servers: declare a parameter of
 * type {@link PostgresNamespace}, {@link MysqlNamespace}, {@link RedisNamespace} or
 * {@link MongoNamespace} on a test method, a lifecycle method or the constructor. Each type is
 * created on first use, shared by all tests of the class (and of its {@code @Nested} classes),
 * and dropped after the class, also when tests failed.
 *
 * <pre>{@code
 * @RefractTestDatabases
 * class PipelineRunIT {
 *     @Test
 *     void findsWhatItCreated(PostgresNamespace postgres) {
 *         RefractClient db = RefractClient.builder().datasource("db", postgres.r2dbcUrl()).build();
 *         …
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(TestDatabasesExtension.class)
public @interface RefractTestDatabases {
}
