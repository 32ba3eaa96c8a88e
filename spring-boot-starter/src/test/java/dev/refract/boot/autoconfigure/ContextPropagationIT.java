package dev.refract.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.boot.support.ContextRecordingProvider;
import dev.refract.boot.support.StarterApplication;
import dev.refract.boot.testclient.RefractClient;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import io.micrometer.context.ContextRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Hooks;
import reactor.util.context.Context;

/**
 * The subscriber's Reactor context travels with an operation of the configured client into the
 * adapter, and with Micrometer Context Propagation (Spring Boot's
 * {@code spring.reactor.context-propagation=auto}) the thread-locals it carries are set again on the
 * driver's threads, as a tracing context or a logging MDC needs.
 */
@RefractTestDatabases
class ContextPropagationIT {

    private static final String TRACE_KEY = "starter.trace";

    private final PostgresNamespace postgres;
    private final ContextRecordingProvider adapters = new ContextRecordingProvider();

    ContextPropagationIT(PostgresNamespace postgres) {
        this.postgres = postgres;
    }

    @BeforeAll
    static void createTables(PostgresNamespace postgres) throws SQLException {
        try (Connection connection = postgres.connect()) {
            StarterApplication.createTables(connection);
        }
    }

    @BeforeEach
    void registerTheThreadLocal() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(TRACE_KEY, ContextRecordingProvider.TRACE::get,
                ContextRecordingProvider.TRACE::set, ContextRecordingProvider.TRACE::remove);
    }

    @AfterEach
    void restoreTheGlobalHooks() {
        ContextRegistry.getInstance().removeThreadLocalAccessor(TRACE_KEY);
        Hooks.disableAutomaticContextPropagation();
        ContextRecordingProvider.TRACE.remove();
    }

    private ConfigurableApplicationContext start(String... more) {
        return new SpringApplicationBuilder(StarterApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false)
                .initializers(context -> context.getBeanFactory().registerSingleton("recordingAdapters",
                        (RefractClientOptionsCustomizer) options -> options.adapterProvider(adapters)))
                .properties("refract.client=" + RefractClient.class.getName(),
                        "refract.datasources.db.url=" + postgres.r2dbcUrl(),
                        "refract.datasources.reports.url=" + postgres.r2dbcUrl())
                .properties(more)
                .run();
    }

    @Test
    void theSubscribersContextAndItsThreadLocalsReachTheAdapterAndTheDriversThread() {
        try (ConfigurableApplicationContext context = start("spring.reactor.context-propagation=auto")) {
            RefractClient db = context.getBean(RefractClient.class);

            db.task().count().contextWrite(Context.of(ContextRecordingProvider.CONTEXT_KEY, "request-7",
                    TRACE_KEY, "trace-42")).block();

            assertThat(adapters.seen()).singleElement().satisfies(seen -> {
                assertThat(seen.contextValue()).isEqualTo("request-7");
                assertThat(seen.traceOnAnswer()).isEqualTo("trace-42");
                assertThat(seen.answerThread()).isNotEqualTo(Thread.currentThread().getName());
            });
        }
    }

    @Test
    void aThreadLocalSetWhereTheCallIsMadeIsCapturedIntoTheContextAndSetAgainOnTheDriversThread() {
        try (ConfigurableApplicationContext context = start("spring.reactor.context-propagation=auto")) {
            RefractClient db = context.getBean(RefractClient.class);

            ContextRecordingProvider.TRACE.set("trace-from-caller");
            db.task().count().contextCapture().block();

            assertThat(adapters.seen()).singleElement()
                    .satisfies(seen -> assertThat(seen.traceOnAnswer()).isEqualTo("trace-from-caller"));
        }
    }

    @Test
    void withoutContextPropagationTheDriversThreadHasNoneOfTheCallersThreadLocals() {
        try (ConfigurableApplicationContext context = start()) {
            RefractClient db = context.getBean(RefractClient.class);

            db.task().count().contextWrite(Context.of(ContextRecordingProvider.CONTEXT_KEY, "request-8",
                    TRACE_KEY, "trace-43")).block();

            assertThat(adapters.seen()).singleElement().satisfies(seen -> {
                assertThat(seen.contextValue()).isEqualTo("request-8");
                assertThat(seen.traceOnAnswer()).isNull();
            });
        }
    }
}
