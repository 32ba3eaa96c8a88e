package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * The generated seed client (or another generated client) compiled together with one class of
 * static scenario methods, which a test calls by name: the scenarios are written against the
 * generated API as a user would, and the test, which cannot see generated types at its own compile
 * time, runs them.
 */
final class SeedScenarios {

    private final Class<?> scenarios;

    private SeedScenarios(Class<?> scenarios) {
        this.scenarios = scenarios;
    }

    /**
     * Compiles the seed client with {@code source}, the class {@code className} (fully qualified),
     * and fails the test with the compiler's diagnostics when it does not compile.
     */
    static SeedScenarios compile(String className, String source) {
        return compile(new JavaGenerator().generate(SeedSchemaFixture.seed()), className, source);
    }

    /** As {@link #compile(String, String)}, with the client generated as {@code client} instead of the seed client. */
    static SeedScenarios compile(List<GeneratedFile> client, String className, String source) {
        Map<String, String> sources = new HashMap<>(InMemoryCompiler.sources(client));
        sources.put(className.replace('.', '/') + ".java", source);
        InMemoryCompiler.Result result = InMemoryCompiler.compile(sources);
        assertThat(result.success()).as(result.diagnostics()).isTrue();
        try {
            return new SeedScenarios(result.classLoader().loadClass(className));
        } catch (ClassNotFoundException e) {
            throw new AssertionError("The scenarios compiled, but " + className + " is not among them", e);
        }
    }

    /** Runs the scenario method {@code name}; what it throws is thrown as is. */
    Object run(String name, Object... arguments) throws Exception {
        for (Method method : scenarios.getMethods()) {
            if (method.getName().equals(name)) {
                try {
                    return method.invoke(null, arguments);
                } catch (InvocationTargetException e) {
                    throw (Exception) e.getCause();
                }
            }
        }
        throw new IllegalArgumentException("no scenario " + name);
    }

    /** Everything a scenario's publisher emits, waiting for it to complete. */
    static List<Object> collect(Object publisher) {
        return Flux.from((Publisher<?>) publisher).<Object>map(value -> value).collectList().block();
    }
}
