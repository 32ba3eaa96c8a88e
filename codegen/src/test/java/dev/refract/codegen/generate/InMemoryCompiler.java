package dev.refract.codegen.generate;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources held in memory, as strictly as the build compiles main code
 * ({@code -Xlint:all -Werror}), against the test JVM's class path. Tests of generated code use it
 * to prove that the code compiles cleanly, and to load and call it.
 */
public final class InMemoryCompiler {

    private InMemoryCompiler() {}

    /**
     * The outcome of one compilation.
     *
     * @param success     true when there was no error (warnings are errors under {@code -Werror})
     * @param diagnostics every diagnostic as readable text: {@code path:line:col: kind: message} and the source line
     * @param classes     the compiled class files by binary class name; empty when compilation failed
     */
    public record Result(boolean success, String diagnostics, Map<String, byte[]> classes) {

        /** A class loader over the compiled classes, delegating to the test's class loader. */
        public ClassLoader classLoader() {
            Map<String, byte[]> compiled = Map.copyOf(classes);
            return new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
                @Override
                protected Class<?> findClass(String name) throws ClassNotFoundException {
                    byte[] bytes = compiled.get(name);
                    if (bytes == null) {
                        throw new ClassNotFoundException(name);
                    }
                    return defineClass(name, bytes, 0, bytes.length);
                }
            };
        }
    }

    /**
     * Compiles {@code sources}, keyed by relative path (e.g. {@code com/example/Foo.java}), with
     * {@code -Xlint:all -Werror}.
     */
    public static Result compile(Map<String, String> sources) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("No system Java compiler: run the tests on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8);
        Map<String, ByteArrayOutputStream> output = new HashMap<>();
        JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                    FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        output.put(className, bytes);
                        return bytes;
                    }
                };
            }
        };
        List<JavaFileObject> units = new ArrayList<>();
        sources.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> units.add(
                new SimpleJavaFileObject(URI.create("mem:///" + entry.getKey()), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return entry.getValue();
                    }
                }));
        List<String> options = List.of("-Xlint:all", "-Werror", "-proc:none", "--release", "17",
                "-classpath", System.getProperty("java.class.path"));
        StringWriter compilerOutput = new StringWriter();
        boolean success = compiler.getTask(compilerOutput, manager, diagnostics, options, null, units).call();
        StringBuilder text = new StringBuilder(compilerOutput.toString());
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            String path = diagnostic.getSource() == null ? "<no file>" : diagnostic.getSource().toUri().getPath().substring(1);
            text.append(path).append(':').append(diagnostic.getLineNumber()).append(':')
                    .append(diagnostic.getColumnNumber()).append(": ")
                    .append(diagnostic.getKind().name().toLowerCase(Locale.ROOT)).append(": ")
                    .append(diagnostic.getMessage(Locale.ROOT)).append('\n');
            String line = sourceLine(sources.get(path), diagnostic.getLineNumber());
            if (line != null) {
                text.append("    ").append(line.strip()).append('\n');
            }
        }
        Map<String, byte[]> classes = new HashMap<>();
        if (success) {
            output.forEach((name, bytes) -> classes.put(name, bytes.toByteArray()));
        }
        return new Result(success, text.toString(), classes);
    }

    private static String sourceLine(String source, long line) {
        if (source == null || line < 1) {
            return null;
        }
        String[] lines = source.split("\n", -1);
        return line <= lines.length ? lines[(int) line - 1] : null;
    }

    /** The generated files as a source map for {@link #compile}. */
    public static Map<String, String> sources(List<GeneratedFile> files) {
        Map<String, String> sources = new HashMap<>();
        for (GeneratedFile file : files) {
            sources.put(file.relativePath(), file.content());
        }
        return sources;
    }
}
