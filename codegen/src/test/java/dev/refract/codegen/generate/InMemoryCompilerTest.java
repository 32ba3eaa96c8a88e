package dev.refract.codegen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryCompilerTest {

    @Test
    void compilesAndLoadsCleanSources() throws Exception {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(Map.of("demo/Greeter.java", """
                package demo;
                public final class Greeter {
                    public static String greet(String name) {
                        return "hello " + name;
                    }
                }
                """));

        assertThat(result.success()).as(result.diagnostics()).isTrue();
        Class<?> greeter = result.classLoader().loadClass("demo.Greeter");
        assertThat(greeter.getMethod("greet", String.class).invoke(null, "refract")).isEqualTo("hello refract");
    }

    @Test
    void treatsWarningsAsErrorsAndReportsThemReadably() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(Map.of("demo/Raw.java", """
                package demo;
                import java.util.ArrayList;
                import java.util.List;
                final class Raw {
                    @SuppressWarnings("rawtypes")
                    static List raw() {
                        return new ArrayList();
                    }
                    static List<String> typed() {
                        return raw();
                    }
                }
                """));

        assertThat(result.success()).isFalse();
        assertThat(result.classes()).isEmpty();
        assertThat(result.diagnostics()).contains("demo/Raw.java:10:").contains("warning").contains("return raw();");
    }

    @Test
    void reportsErrorsWithFileLineAndSourceLine() {
        InMemoryCompiler.Result result = InMemoryCompiler.compile(Map.of("demo/Broken.java", """
                package demo;
                final class Broken {
                    int value = "text";
                }
                """));

        assertThat(result.success()).isFalse();
        assertThat(result.diagnostics()).contains("demo/Broken.java:3:").contains("error").contains("int value = \"text\";");
    }
}
