package dev.refract.benchmarks.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Measures the heap a stream keeps live: after a full collection before the stream begins, and
 * after a full collection at each tenth of its rows, taken on the thread that delivers them, so
 * that what is counted is what the stream holds at that moment (its buffers, prefetched rows and
 * whatever it fails to let go of), not garbage waiting for the collector.
 *
 * <p>{@link #inChildJvm} runs the measurement in a JVM of its own per contender and size, with the
 * same heap limit for all, so that one contender's classes, pools and garbage cannot count against
 * another; its {@link #main} is that JVM's entry point.
 */
public final class HeapProbe {

    /** The heap limit of a child JVM: a stream that keeps its rows runs out of it long before a million. */
    static final String CHILD_HEAP = "-Xmx1g";

    private static final String ADDRESS_VARIABLE = "REFRACT_COMPARE_ADDRESS";
    private static final String RESULT = "heap-probe ";
    private static final int CHECKPOINTS = 10;

    private HeapProbe() {
    }

    /** Measures a stream of {@code rows} rows of {@code contender} in this JVM. */
    public static HeapResult inProcess(Contender contender, int rows) {
        try {
            return measure(contender, rows);
        } catch (RuntimeException e) {
            return new HeapResult(contender.key(), rows, 0, 0, Runner.describe(e));
        }
    }

    /**
     * Measures a stream of {@code rows} rows of contender {@code contender} of {@code lineup} in a child
     * JVM on this JVM's class path, connected to {@code lineup}'s data.
     */
    public static HeapResult inChildJvm(Lineup lineup, String contender, int rows, Settings settings) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), CHILD_HEAP, "-XX:+UseG1GC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
                HeapProbe.class.getName(), lineup.key(), contender, Integer.toString(rows),
                Integer.toString(settings.poolSize()), Integer.toString(settings.fetchSize())));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        // the address may carry a password: the environment does not show it to other users, a command line would
        builder.environment().put(ADDRESS_VARIABLE, lineup.address());
        try {
            Process process = builder.start();
            String result = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(RESULT)) {
                        result = line.substring(RESULT.length());
                    }
                }
            }
            if (!process.waitFor(Runner.TIME_LIMIT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new HeapResult(contender, rows, 0, 0, "the child JVM did not finish within "
                        + Runner.TIME_LIMIT.toMinutes() + " minutes");
            }
            if (result == null) {
                return new HeapResult(contender, rows, 0, 0, "the child JVM exited with " + process.exitValue()
                        + " without a result (see its output above)");
            }
            String[] parts = result.split(" ", 3);
            return parts[0].equals("ok")
                    ? new HeapResult(contender, rows, Long.parseLong(parts[1]), Long.parseLong(parts[2]), null)
                    : new HeapResult(contender, rows, 0, 0, result.substring("failed ".length()));
        } catch (IOException e) {
            return new HeapResult(contender, rows, 0, 0, "could not start a child JVM: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HeapResult(contender, rows, 0, 0, "interrupted");
        }
    }

    /**
     * The child JVM: {@code lineup contender rows poolSize fetchSize}, the address of the data in
     * {@code REFRACT_COMPARE_ADDRESS}; prints {@code heap-probe ok BASELINE PEAK} (bytes) or
     * {@code heap-probe failed MESSAGE}.
     */
    public static void main(String[] args) {
        if (args.length != 5 || System.getenv(ADDRESS_VARIABLE) == null) {
            System.err.println("usage: " + ADDRESS_VARIABLE + "=<address> java " + HeapProbe.class.getName()
                    + " <lineup> <contender> <rows> <poolSize> <fetchSize>");
            System.exit(2);
        }
        Settings settings = Settings.parse("--streamRows=" + args[2], "--smallStreamRows=" + args[2],
                "--poolSize=" + args[3], "--fetchSize=" + args[4]);
        Contender contender = Lineups.named(args[0]).contender(args[1], System.getenv(ADDRESS_VARIABLE), settings);
        HeapResult result;
        try {
            result = inProcess(contender, settings.streamRows());
        } finally {
            contender.close().block(Duration.ofSeconds(30));
        }
        System.out.println(RESULT + (result.isFailed() ? "failed " + result.failure()
                : "ok " + result.baselineBytes() + " " + result.peakBytes()));
        System.exit(0);
    }

    private static HeapResult measure(Contender contender, int rows) {
        long expected = Dataset.expectedStream(rows);
        // the first stream loads the classes and opens a connection; neither should count as the stream's
        contender.stream(Math.min(rows, 1_000), fingerprint -> { }).block(Runner.TIME_LIMIT);
        long baseline = liveHeap();
        int step = Math.max(1, rows / CHECKPOINTS);
        // rows, the sum of their fingerprints, the peak; one stream delivers its rows one after the other
        long[] tally = new long[3];
        contender.stream(rows, fingerprint -> {
            tally[0]++;
            tally[1] += fingerprint;
            if (tally[0] % step == 0) {
                tally[2] = Math.max(tally[2], liveHeap());
            }
        }).block(Runner.TIME_LIMIT);
        if (tally[0] != rows || tally[1] != expected) {
            return new HeapResult(contender.key(), rows, baseline, tally[2], "wrong result: the stream of " + rows
                    + " rows delivered " + tally[0] + (tally[0] == rows ? " rows whose values differ from the seeded data"
                    : " rows"));
        }
        return new HeapResult(contender.key(), rows, baseline, tally[2], null);
    }

    /** The heap in use after a full collection. */
    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
