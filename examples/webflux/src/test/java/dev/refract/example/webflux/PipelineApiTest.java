package dev.refract.example.webflux;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A test of the whole application over HTTP: the application runs on a random port with a
 * {@code WebTestClient} bound to it. The test class gives the datasources' URLs from its
 * {@link TestServers} in a {@code @DynamicPropertySource} method; the application is closed after the
 * class, so its pools do not outlive the class's namespaces.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.root=warn", "spring.main.banner-mode=off"})
@AutoConfigureWebTestClient
@DirtiesContext
public @interface PipelineApiTest {
}
