package dev.refract.benchmarks.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sizes and options of one comparison run. {@link #defaults()} holds the sizes the report
 * quotes; {@link #parse} reads {@code --name=value} overrides of them from the command line.
 *
 * @param findUniqueCalls   look-ups by id per run
 * @param inFlight          calls in flight at once, for the look-ups, the single creates and the updates
 * @param streamRows        rows of the ten-column table, all streamed by each streaming run
 * @param smallStreamRows   rows of the smaller stream whose peak heap the full one is compared with
 * @param includeCalls      reads of every parent with its children per run, one after the other
 * @param parents           parents of the include workload
 * @param childrenPerParent children of each parent
 * @param createCalls       single creates per run
 * @param createManyRows    rows created per createMany run
 * @param batchSize         rows per createMany batch; batches run one after the other
 * @param incrementCalls    counter increments per run
 * @param poolSize          connections of every contender's pool
 * @param fetchSize         rows per round trip while streaming, for every contender that has the setting
 * @param rounds            measured rounds; each runs every contender once, in the same order
 * @param slices            slices of a measured round: each runs a part of every contender's run, in turn, so
 *                          that load from elsewhere falls on all contenders alike (the stream is not split)
 * @param warmupSlicePercent     size of a warm-up slice, in percent of a measured run (see {@link Warmup})
 * @param warmupTolerancePercent how far apart the throughputs of a contender's last three warm-up slices may lie, in
 *                               percent, for its warm-up to be over
 * @param warmupCapPercent       the most a contender warms up, in percent of a measured run
 * @param heap              how the streaming heap is measured
 * @param workloads         the workloads to run
 * @param lineups           keys of the lineups to run ({@link LineupProvider#key()}); empty for all
 * @param contenders        keys of the contenders to run ({@link Contender#key()}); empty for all
 * @param docs              the folder of {@code benchmarks.md} and the chart to update; {@code null} to update neither
 * @param arguments         the command line these settings were read from ({@link #parse}); empty for the defaults
 */
public record Settings(int findUniqueCalls, int inFlight, int streamRows, int smallStreamRows, int includeCalls,
        int parents, int childrenPerParent, int createCalls, int createManyRows, int batchSize, int incrementCalls,
        int poolSize, int fetchSize, int rounds, int slices, int warmupSlicePercent, int warmupTolerancePercent,
        int warmupCapPercent, HeapMode heap, Set<Workload> workloads,
        List<String> lineups, List<String> contenders, Path docs, List<String> arguments) {

    /** Where the peak heap of the streaming workload is measured. */
    public enum HeapMode {
        /** In a child JVM per contender and size, so one contender's garbage cannot count against another. */
        CHILD_JVM,
        /** In this JVM, after a full collection; quick, for tests. */
        IN_PROCESS,
        /** Not at all. */
        OFF
    }

    public Settings {
        positive("findUniqueCalls", findUniqueCalls);
        positive("inFlight", inFlight);
        positive("streamRows", streamRows);
        positive("smallStreamRows", smallStreamRows);
        positive("includeCalls", includeCalls);
        positive("parents", parents);
        positive("childrenPerParent", childrenPerParent);
        positive("createCalls", createCalls);
        positive("createManyRows", createManyRows);
        positive("batchSize", batchSize);
        positive("incrementCalls", incrementCalls);
        positive("poolSize", poolSize);
        positive("fetchSize", fetchSize);
        positive("rounds", rounds);
        positive("slices", slices);
        new Warmup(warmupSlicePercent, warmupTolerancePercent, warmupCapPercent);
        if (smallStreamRows > streamRows) {
            throw new IllegalArgumentException("--smallStreamRows (" + smallStreamRows
                    + ") must not exceed --streamRows (" + streamRows + ")");
        }
        workloads = workloads.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workloads));
        if (workloads.isEmpty()) {
            throw new IllegalArgumentException("--only names no workload; name at least one of " + workloadNames());
        }
        lineups = List.copyOf(lineups);
        contenders = List.copyOf(contenders);
        arguments = List.copyOf(arguments);
    }

    /**
     * The default sizes: 50,000 look-ups, 1,000,000 streamed rows, 50 reads of 1,000 parents with 10
     * children each, 10,000 single creates, 25,000 rows created in batches, 25,000 increments. A quarter of
     * the for the look-ups and the writes (a fifth for the single creates), whose ratios settle well
     * within that, so that a default run of every lineup fits in the fifteen minutes the harness is given on
     * two cores; the stream keeps its million rows, which its heap target is about.
     */
    public static Settings defaults() {
        return new Settings(50_000, 64, 1_000_000, 10_000, 50, 1_000, 10, 10_000, 25_000, 1_000, 25_000,
                10, 256, 2, 10, 2, 5, 25, HeapMode.CHILD_JVM, EnumSet.allOf(Workload.class), List.of(), List.of(), null,
                List.of());
    }

    /**
     * The defaults with the command line's overrides, each {@code --name=value} with a name of this
     * record's components ({@code --only=findUnique,stream} for {@code workloads},
     * {@code --lineups=postgresql}, {@code --contenders=refract,raw}, {@code --heap=child_jvm|in_process|off},
     * {@code --docs=DIR}).
     *
     * @throws IllegalArgumentException naming the argument that cannot be read, and the names there are
     */
    public static Settings parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (!arg.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("Cannot read argument '" + arg + "': write --name=value, e.g."
                        + " --rounds=2; the names are " + names());
            }
            given.put(arg.substring(2, equals), arg.substring(equals + 1));
        }
        Settings d = defaults();
        Settings settings = new Settings(
                number(given, "findUniqueCalls", d.findUniqueCalls), number(given, "inFlight", d.inFlight),
                number(given, "streamRows", d.streamRows), number(given, "smallStreamRows", d.smallStreamRows),
                number(given, "includeCalls", d.includeCalls), number(given, "parents", d.parents),
                number(given, "childrenPerParent", d.childrenPerParent), number(given, "createCalls", d.createCalls),
                number(given, "createManyRows", d.createManyRows), number(given, "batchSize", d.batchSize),
                number(given, "incrementCalls", d.incrementCalls), number(given, "poolSize", d.poolSize),
                number(given, "fetchSize", d.fetchSize), number(given, "rounds", d.rounds),
                number(given, "slices", d.slices),
                number(given, "warmupSlicePercent", d.warmupSlicePercent),
                number(given, "warmupTolerancePercent", d.warmupTolerancePercent),
                number(given, "warmupCapPercent", d.warmupCapPercent), heap(given.remove("heap"), d.heap),
                workloads(given.remove("only"), d.workloads), list(given.remove("lineups")),
                list(given.remove("contenders")),
                given.containsKey("docs") ? Path.of(given.remove("docs")) : null, List.of(args));
        if (!given.isEmpty()) {
            throw new IllegalArgumentException("Unknown argument --" + given.keySet().iterator().next()
                    + "; the names are " + names());
        }
        return settings;
    }

    /** These settings with {@code docs} as the folder to update. */
    public Settings withDocs(Path folder) {
        return new Settings(findUniqueCalls, inFlight, streamRows, smallStreamRows, includeCalls, parents,
                childrenPerParent, createCalls, createManyRows, batchSize, incrementCalls, poolSize, fetchSize, rounds,
                slices, warmupSlicePercent, warmupTolerancePercent, warmupCapPercent, heap, workloads, lineups, contenders, folder,
                arguments);
    }

    /**
     * These settings with {@code defaults} (each {@code --name=value}) in place of the defaults of
     * {@link #defaults()}: a value the command line gave stays as it was. For a lineup whose server cannot
     * run the default sizes within the time of a default run.
     *
     * @throws IllegalArgumentException when a default cannot be read, as {@link #parse} says
     */
    public Settings withDefaults(List<String> defaults) {
        List<String> layered = new ArrayList<>(defaults);
        layered.addAll(arguments);
        Settings settings = parse(layered.toArray(String[]::new));
        return new Settings(settings.findUniqueCalls, settings.inFlight, settings.streamRows, settings.smallStreamRows,
                settings.includeCalls, settings.parents, settings.childrenPerParent, settings.createCalls,
                settings.createManyRows, settings.batchSize, settings.incrementCalls, settings.poolSize,
                settings.fetchSize, settings.rounds, settings.slices, settings.warmupSlicePercent,
                settings.warmupTolerancePercent, settings.warmupCapPercent, settings.heap, settings.workloads,
                settings.lineups, settings.contenders, settings.docs, arguments);
    }

    /** The warm-up rule these settings give. */
    public Warmup warmup() {
        return new Warmup(warmupSlicePercent, warmupTolerancePercent, warmupCapPercent);
    }

    /** True when the lineup with {@code key} takes part. */
    public boolean includesLineup(String key) {
        return lineups.isEmpty() || lineups.contains(key);
    }

    /** True when the contender with {@code key} takes part. */
    public boolean includes(String key) {
        return contenders.isEmpty() || contenders.contains(key);
    }

    /** The sizes of the workloads that run, and the rest of the settings, one line for the report. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (workloads.contains(Workload.FIND_UNIQUE)) {
            parts.add(String.format(Locale.ROOT, "%,d look-ups by id with %d in flight", findUniqueCalls, inFlight));
        }
        if (workloads.contains(Workload.STREAM)) {
            parts.add(String.format(Locale.ROOT, "a %,d-row stream (heap also at %,d rows)", streamRows, smallStreamRows));
        }
        if (workloads.contains(Workload.INCLUDE)) {
            parts.add(String.format(Locale.ROOT, "%,d reads of %,d parents with %d children each", includeCalls, parents,
                    childrenPerParent));
        }
        if (workloads.contains(Workload.CREATE)) {
            parts.add(String.format(Locale.ROOT, "%,d single creates with %d in flight", createCalls, inFlight));
        }
        if (workloads.contains(Workload.CREATE_MANY)) {
            parts.add(String.format(Locale.ROOT, "%,d rows created in batches of %,d", createManyRows, batchSize));
        }
        if (workloads.contains(Workload.INCREMENT)) {
            parts.add(String.format(Locale.ROOT, "%,d increments with %d in flight", incrementCalls, inFlight));
        }
        parts.add(String.format(Locale.ROOT, "pools of %d connections, fetch size %d", poolSize, fetchSize));
        parts.add(String.format(Locale.ROOT, "warm-up slices of %d%% until three in a row agree within %d%% (at most"
                + " %d%%), then %d measured round%s of %d slices each", warmupSlicePercent, warmupTolerancePercent,
                warmupCapPercent, rounds, rounds == 1 ? "" : "s", slices));
        return String.join("; ", parts);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("--" + name + " must be at least 1, was " + value);
        }
    }

    private static int number(Map<String, String> given, String name, int fallback) {
        String text = given.remove(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, e.g. --" + name + "=1000, was '"
                    + text + "'", e);
        }
    }

    private static HeapMode heap(String text, HeapMode fallback) {
        if (text == null) {
            return fallback;
        }
        try {
            return HeapMode.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--heap must be child_jvm, in_process or off, was '" + text + "'", e);
        }
    }

    private static Set<Workload> workloads(String text, Set<Workload> fallback) {
        if (text == null) {
            return fallback;
        }
        Set<Workload> chosen = EnumSet.noneOf(Workload.class);
        for (String name : list(text)) {
            Workload found = null;
            for (Workload workload : Workload.values()) {
                if (workload.name().equalsIgnoreCase(name.replace('-', '_')) || workload.label().equalsIgnoreCase(name)) {
                    found = workload;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("--only names an unknown workload '" + name + "'; the workloads are "
                        + workloadNames());
            }
            chosen.add(found);
        }
        return chosen;
    }

    private static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        if (text != null) {
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    private static String workloadNames() {
        List<String> names = new ArrayList<>();
        for (Workload workload : Workload.values()) {
            names.add(workload.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }

    private static String names() {
        List<String> names = new ArrayList<>();
        for (var component : Settings.class.getRecordComponents()) {
            if (!component.getName().equals("arguments")) {
                names.add(component.getName().equals("workloads") ? "only" : component.getName());
            }
        }
        return String.join(", ", names);
    }
}
