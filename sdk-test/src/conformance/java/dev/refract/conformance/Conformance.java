package dev.refract.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class of the conformance kit: a parameter of type {@link ConformanceContext} on a
 * test method, a lifecycle method or the constructor gets the class's own client on its own store
 * of the server under test, made on first use, shared by the class's tests and dropped after them.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(ConformanceExtension.class)
public @interface Conformance {
}
