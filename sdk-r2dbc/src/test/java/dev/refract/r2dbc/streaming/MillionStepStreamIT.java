package dev.refract.r2dbc.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.r2dbc.AdapterOptions;
import dev.refract.test.isolation.PostgresNamespace;
import dev.refract.test.isolation.RefractTestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streams a million pipeline steps through the generated client's {@code findMany} in a separate
 * JVM limited to a 128 MB heap, and shows that the same result held in memory at once does not
 * fit that heap, so counting them all is only possible when the rows really stream. (A million
 * records whose output document alone is about 350 bytes of JSON, held as a parsed tree, need
 * well over a gigabyte; the second test checks that this is so rather than trusting the sum.)
 *
 * <p>The small heap belongs to a child process started here, on the test classpath, rather than
 * to a second Surefire execution: the limit then holds however the test is launched (one class
 * from the command line, an IDE), and the rest of the module's tests keep their usual heap.
 */
@RefractTestDatabases
class MillionStepStreamIT {

    private static final int STEPS = 1_000_000;
    private static final String RUN_ID = "run-million";
    private static final long HEAP_LIMIT = 128L * 1024 * 1024;
    private static final long CHILD_TIMEOUT_SECONDS = 180;

    private static long insertMillis;

    @BeforeAll
    static void fillOneRunWithAMillionSteps(PostgresNamespace postgres) throws SQLException {
        PipelineSteps.pushSchema(postgres);
        long started = System.nanoTime();
        PipelineSteps.insertRun(postgres, RUN_ID, STEPS);
        insertMillis = (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void streamsAMillionStepsInPositionOrderWithinA128MegabyteHeap(PostgresNamespace postgres) throws Exception {
        ChildRun run = runCounter(postgres, AdapterOptions.DEFAULT_FETCH_SIZE, "stream");

        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isZero();
        Map<String, Long> result = run.result();
        System.out.printf("Streamed %d steps: %s (setup insert %d ms, child JVM %d ms)%n", STEPS, result,
                insertMillis, run.millis());
        assertThat(result.get("maxHeap")).as("the child's heap limit").isLessThanOrEqualTo(HEAP_LIMIT);
        assertThat(result.get("count")).isEqualTo(STEPS);
        assertThat(result.get("outOfOrder")).as("steps whose position is not their place in the stream").isZero();
    }

    @Test
    void holdingTheSameResultInMemoryDoesNotFitThatHeap(PostgresNamespace postgres) throws Exception {
        ChildRun run = runCounter(postgres, AdapterOptions.DEFAULT_FETCH_SIZE, "collect");

        System.out.printf("Collecting %d steps at once ended with exit code %d after %d ms%n", STEPS,
                run.exitCode(), run.millis());
        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isNotZero();
        assertThat(run.output()).contains("OutOfMemoryError");
    }

    private static ChildRun runCounter(PostgresNamespace postgres, int fetchSize, String mode)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("step-stream-counter", ".log");
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:+ExitOnOutOfMemoryError"));
            // To profile the child, e.g. -Dstreaming.child.jvmArgs=-XX:StartFlightRecording=filename=stream.jfr
            String extra = System.getProperty("streaming.child.jvmArgs", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), StepStreamCounter.class.getName(),
                    postgres.r2dbcUrl(), RUN_ID, Integer.toString(fetchSize), mode));
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("The child JVM did not finish within " + CHILD_TIMEOUT_SECONDS
                        + " s; its output:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new ChildRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8), millis);
        } finally {
            Files.deleteIfExists(output);
        }
    }

    /** What the child JVM printed and how it ended. */
    private record ChildRun(int exitCode, String output, long millis) {

        /** The numbers of the child's result line, by name. */
        Map<String, Long> result() {
            String line = output.lines().filter(candidate -> candidate.startsWith(StepStreamCounter.RESULT))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("The child printed no result line; its output:\n" + output));
            Map<String, Long> values = new HashMap<>();
            for (String pair : line.substring(StepStreamCounter.RESULT.length()).trim().split(" ")) {
                String[] nameAndValue = pair.split("=", 2);
                values.put(nameAndValue[0], Long.parseLong(nameAndValue[1]));
            }
            return values;
        }
    }
}
