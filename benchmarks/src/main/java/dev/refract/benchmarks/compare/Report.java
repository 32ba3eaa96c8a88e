package dev.refract.benchmarks.compare;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of a comparison run as Markdown for {@code docs/benchmarks.md}, and as a short
 * summary for the console.
 */
public final class Report {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd 'at' HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Settings settings;
    private final Machine machine;
    private final List<Standing> standings;
    private final Instant started;
    private final Duration took;
    private final double loadBefore;
    private final double loadAfter;

    /**
     * The report of a run that began at {@code started}, took {@code took}, and saw the load averages
     * {@code loadBefore} and {@code loadAfter}.
     */
    public Report(Settings settings, Machine machine, List<Standing> standings, Instant started, Duration took,
            double loadBefore, double loadAfter) {
        this.settings = settings;
        this.machine = machine;
        this.standings = List.copyOf(standings);
        this.started = started;
        this.took = took;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
    }

    /** The standings reported. */
    public List<Standing> standings() {
        return standings;
    }

    /** The chart of the ratios, as SVG. */
    public String chart() {
        return BarChart.svg(standings, settings.rounds());
    }

    /** The Markdown of the figures, referring to the chart as {@code chartFile}. */
    public String markdown(String chartFile) {
        StringBuilder md = new StringBuilder();
        md.append("Measured on ").append(WHEN.format(started)).append(" by `benchmarks/compare");
        List<String> arguments = arguments();
        if (!arguments.isEmpty()) {
            md.append(' ').append(String.join(" ", arguments));
        }
        md.append("`; the run took ").append(duration(took)).append(".\n\n");
        md.append("- Machine: ").append(machine.describe()).append(loadLine()).append(".\n");
        md.append("- Sizes: ").append(settings.describe()).append(".\n");
        for (Standing standing : standings) {
            Results results = standing.results();
            md.append("- ").append(results.lineup()).append(": ").append(results.server()).append("; ");
            List<String> versions = new ArrayList<>();
            for (Map.Entry<String, String> version : sortedVersions(results)) {
                versions.add(version.getKey() + " " + version.getValue());
            }
            md.append(String.join(", ", versions)).append(".\n");
            if (results.sizes() != null && !results.sizes().equals(settings.describe())) {
                md.append("  - its own sizes: ").append(results.sizes()).append(".\n");
            }
        }
        md.append("\n![Refract's throughput as a multiple of each contender's](").append(chartFile).append(")\n");
        for (Standing standing : standings) {
            md.append('\n');
            if (standings.size() > 1) {
                md.append("#### ").append(standing.results().lineup()).append("\n\n");
            }
            if (standing.results().note() != null) {
                md.append(standing.results().note()).append("\n\n");
            }
            figures(md, standing);
            heap(md, standing);
            targets(md, standing);
        }
        return md.toString();
    }

    /** A few lines for the console: every target and whether it was met. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (Standing standing : standings) {
            for (Standing.Target target : standing.targets()) {
                text.append(String.format(Locale.ROOT, "%-8s %s: %s%n", target.met() ? "met" : "MISSED", target.text(),
                        target.failure() != null ? target.failure() : String.format(Locale.ROOT, "%.2f", target.measured())));
            }
        }
        text.append("took ").append(duration(took)).append('\n');
        return text.toString();
    }

    private void figures(StringBuilder md, Standing standing) {
        boolean ranges = settings.rounds() > 1;
        md.append("| workload | contender | throughput | p50 | p99 | CPU / unit | Refract ÷ contender")
                .append(ranges ? " (lowest–highest round) |\n" : " |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Workload workload : standing.workloads()) {
            boolean first = true;
            for (Standing.Figure figure : standing.figures(workload)) {
                md.append("| ").append(first ? workload.label() : "").append(" | ");
                first = false;
                boolean refract = figure.entrant().role() == Role.REFRACT;
                md.append(refract ? "**" + figure.entrant().name() + "**" : figure.entrant().name()).append(" | ");
                if (figure.isFailed()) {
                    md.append("failed: ").append(cell(figure.failure())).append(" | | | | |\n");
                    continue;
                }
                md.append(String.format(Locale.ROOT, "%,.0f %s", figure.throughput(), workload.unit())).append(" | ");
                md.append(figure.p50Nanos() < 0 ? "" : millis(figure.p50Nanos())).append(" | ");
                md.append(figure.p99Nanos() < 0 ? "" : millis(figure.p99Nanos())).append(" | ");
                md.append(String.format(Locale.ROOT, "%,.1f µs", figure.cpuMicros())).append(" | ");
                if (!Double.isNaN(figure.ratio())) {
                    md.append(ranges ? String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", figure.ratio(), figure.ratioLow(),
                            figure.ratioHigh()) : String.format(Locale.ROOT, "%.2f", figure.ratio()));
                }
                md.append(" |\n");
            }
        }
    }

    private void heap(StringBuilder md, Standing standing) {
        List<Integer> sizes = standing.heapSizes();
        if (sizes.isEmpty()) {
            return;
        }
        md.append("\nLive heap while streaming (").append(settings.heap() == Settings.HeapMode.CHILD_JVM
                ? "a child JVM per contender and size, " + HeapProbe.CHILD_HEAP + ", G1" : "in the harness's JVM")
                .append("; the heap in use after a full collection before the stream, and the most after the full"
                        + " collections taken at every tenth of its rows):\n\n");
        md.append("| contender | before the stream |");
        for (int rows : sizes) {
            md.append(String.format(Locale.ROOT, " peak, %,d rows |", rows));
        }
        md.append(sizes.size() > 1 ? " largest ÷ smallest |\n" : "\n");
        md.append("|---|---:|");
        md.append("---:|".repeat(sizes.size()));
        md.append(sizes.size() > 1 ? "---:|\n" : "\n");
        for (Entrant entrant : standing.results().entrants()) {
            HeapResult smallest = standing.heap(entrant.key(), sizes.get(0));
            if (smallest == null) {
                continue;
            }
            md.append("| ").append(entrant.role() == Role.REFRACT ? "**" + entrant.name() + "**" : entrant.name())
                    .append(" | ").append(smallest.isFailed() ? "" : megabytes(smallest.baselineBytes())).append(" |");
            HeapResult largest = null;
            for (int rows : sizes) {
                HeapResult result = standing.heap(entrant.key(), rows);
                largest = result;
                md.append(' ').append(result == null ? "" : result.isFailed() ? "failed: " + cell(result.failure())
                        : megabytes(result.peakBytes())).append(" |");
            }
            if (sizes.size() > 1) {
                boolean both = largest != null && !largest.isFailed() && !smallest.isFailed();
                md.append(both ? String.format(Locale.ROOT, " %.2f", (double) largest.peakBytes() / smallest.peakBytes())
                        : "").append(" |");
            }
            md.append('\n');
        }
    }

    private void targets(StringBuilder md, Standing standing) {
        List<Standing.Target> targets = standing.targets();
        if (targets.isEmpty()) {
            return;
        }
        md.append("\nTargets:\n\n| target | measured | met |\n|---|---:|---|\n");
        for (Standing.Target target : targets) {
            md.append("| ").append(target.text()).append(" | ")
                    .append(Double.isNaN(target.measured()) ? "—" : String.format(Locale.ROOT, "%.2f", target.measured()))
                    .append(" | ").append(target.met() ? "yes" : target.failure() != null
                            ? "no: " + cell(target.failure()) : "**no**").append(" |\n");
        }
    }

    private String loadLine() {
        if (loadBefore < 0) {
            return "";
        }
        return String.format(Locale.ROOT, "; load average %.1f when the run began and %.1f when it ended", loadBefore,
                loadAfter);
    }

    /** The arguments that differ from the defaults, as the command line would give them. */
    private List<String> arguments() {
        List<String> arguments = new ArrayList<>();
        Settings d = Settings.defaults();
        add(arguments, "findUniqueCalls", settings.findUniqueCalls(), d.findUniqueCalls());
        add(arguments, "inFlight", settings.inFlight(), d.inFlight());
        add(arguments, "streamRows", settings.streamRows(), d.streamRows());
        add(arguments, "smallStreamRows", settings.smallStreamRows(), d.smallStreamRows());
        add(arguments, "includeCalls", settings.includeCalls(), d.includeCalls());
        add(arguments, "parents", settings.parents(), d.parents());
        add(arguments, "childrenPerParent", settings.childrenPerParent(), d.childrenPerParent());
        add(arguments, "createCalls", settings.createCalls(), d.createCalls());
        add(arguments, "createManyRows", settings.createManyRows(), d.createManyRows());
        add(arguments, "batchSize", settings.batchSize(), d.batchSize());
        add(arguments, "incrementCalls", settings.incrementCalls(), d.incrementCalls());
        add(arguments, "poolSize", settings.poolSize(), d.poolSize());
        add(arguments, "fetchSize", settings.fetchSize(), d.fetchSize());
        add(arguments, "rounds", settings.rounds(), d.rounds());
        add(arguments, "slices", settings.slices(), d.slices());
        add(arguments, "warmupSlicePercent", settings.warmupSlicePercent(), d.warmupSlicePercent());
        add(arguments, "warmupTolerancePercent", settings.warmupTolerancePercent(), d.warmupTolerancePercent());
        add(arguments, "warmupCapPercent", settings.warmupCapPercent(), d.warmupCapPercent());
        return arguments;
    }

    private static void add(List<String> arguments, String name, int value, int fallback) {
        if (value != fallback) {
            arguments.add("--" + name + "=" + value);
        }
    }

    private static List<Map.Entry<String, String>> sortedVersions(Results results) {
        List<Map.Entry<String, String>> versions = new ArrayList<>(results.versions().entrySet());
        versions.sort(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER));
        // Refract first: the subject of the comparison
        versions.sort((a, b) -> Boolean.compare(!a.getKey().equals("Refract"), !b.getKey().equals("Refract")));
        return versions;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** e.g. {@code 3 min 07 s}. */
    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
    }

    /** e.g. {@code 4.21 ms}. */
    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }

    /** e.g. {@code 18.4 MB}. */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
