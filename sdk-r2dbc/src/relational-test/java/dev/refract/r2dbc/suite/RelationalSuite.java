package dev.refract.r2dbc.suite;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class of the shared relational suite: a parameter of type {@link SuiteDatabase} on
 * a test method, a lifecycle method or the constructor gets the class's own namespace on the
 * server under test, created on first use, shared by the class's tests and dropped after them.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SuiteDatabaseExtension.class)
public @interface RelationalSuite {
}
