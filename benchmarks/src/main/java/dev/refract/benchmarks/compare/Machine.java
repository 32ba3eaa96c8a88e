package dev.refract.benchmarks.compare;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The machine a comparison ran on, as far as the JVM can tell.
 *
 * @param cpu         the processor's model name, or {@code unknown}
 * @param cores       the processors this JVM may use
 * @param memoryBytes the machine's physical memory
 * @param os          operating system, version and architecture
 * @param java        the JVM's vendor, name and version
 */
public record Machine(String cpu, int cores, long memoryBytes, String os, String java) {

    /** This machine. */
    public static Machine current() {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean
                os ? os.getTotalMemorySize() : -1;
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), memory,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"));
    }

    /** The load average of the last minute, or a negative number where the system does not tell. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** One line, e.g. {@code 2 cores (AMD EPYC 7B13), 23 GB of memory, Linux 6.1.0 amd64, …}. */
    public String describe() {
        String memory = memoryBytes < 0 ? "unknown memory"
                : String.format(Locale.ROOT, "%.0f GB of memory", memoryBytes / 1e9);
        return cores + (cores == 1 ? " core (" : " cores (") + cpu + "), " + memory + ", " + os + ", " + java;
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
        return "unknown";
    }
}
