package dev.refract.docs.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The tagged regions of the Java sources under one directory, by {@link Snippet#id()}. A region opens
 * with a line {@code // tag::name[]} and closes with {@code // end::name[]}; regions of one file may
 * nest or overlap, and the tag lines of other regions inside one are left out of its text. A region
 * opened and closed several times is the lines of all its parts, so that checks can sit between them.
 */
public final class Snippets {

    private static final Pattern TAG = Pattern.compile("^\\s*//\\s*(tag|end)::([A-Za-z0-9_-]+)\\[\\]\\s*$");

    private final Map<String, Snippet> byId;

    private Snippets(Map<String, Snippet> byId) {
        this.byId = byId;
    }

    /**
     * Reads every {@code .java} file under {@code root}.
     *
     * @throws IllegalStateException when a region is opened twice, closed without being opened or never closed
     */
    public static Snippets read(Path root) {
        Map<String, Snippet> byId = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                readFile(file, byId);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample sources under " + root, e);
        }
        return new Snippets(byId);
    }

    /** The region named {@code id} ({@code ClassName#name}), if a source has it. */
    public Optional<Snippet> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every region, in the order of their files and lines. */
    public List<Snippet> all() {
        return List.copyOf(byId.values());
    }

    private static void readFile(Path file, Map<String, Snippet> byId) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String className = file.getFileName().toString().replaceFirst("\\.java$", "");
        Map<String, Integer> open = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        Map<String, List<String>> regions = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher tag = TAG.matcher(lines.get(i));
            if (!tag.matches()) {
                continue;
            }
            String name = tag.group(2);
            String where = file + ":" + (i + 1);
            if (tag.group(1).equals("tag")) {
                if (open.putIfAbsent(name, i) != null) {
                    throw new IllegalStateException(where + ": the region '" + name + "' is opened again before it is closed");
                }
                firstLine.putIfAbsent(name, i + 1);
            } else {
                Integer start = open.remove(name);
                if (start == null) {
                    throw new IllegalStateException(where + ": 'end::" + name + "[]' closes a region that was not opened; add '// tag::" + name + "[]' above it");
                }
                // a region may be given in several parts (to leave checks out of it): each loses its own
                // indentation, then they are joined
                regions.computeIfAbsent(name, n -> new ArrayList<>()).addAll(dedented(lines.subList(start + 1, i)));
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException(file + ": the region(s) " + open.keySet() + " are never closed; add '// end::name[]' after them");
        }
        regions.forEach((name, body) -> {
            String id = className + "#" + name;
            if (byId.containsKey(id)) {
                throw new IllegalStateException(file + ": the region id " + id + " is also in " + byId.get(id).source()
                        + "; rename one of the classes or regions");
            }
            byId.put(id, new Snippet(id, file, firstLine.get(name), normalise(body)));
        });
    }

    private static List<String> dedented(List<String> lines) {
        List<String> kept = lines.stream().filter(l -> !TAG.matcher(l).matches()).map(Snippets::stripTrailing).toList();
        int indent = kept.stream().filter(l -> !l.isBlank()).mapToInt(Snippets::indentOf).min().orElse(0);
        return kept.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
    }

    /**
     * The lines without tag comments, without their common indentation and without blank lines at
     * either end; also used on a page's block, so that both compare alike.
     */
    public static String normalise(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (!TAG.matcher(line).matches()) {
                kept.add(stripTrailing(line));
            }
        }
        while (!kept.isEmpty() && kept.get(0).isBlank()) {
            kept.remove(0);
        }
        while (!kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
            kept.remove(kept.size() - 1);
        }
        int indent = kept.stream().filter(l -> !l.isBlank()).mapToInt(Snippets::indentOf).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : kept) {
            out.add(line.isBlank() ? "" : line.substring(indent));
        }
        return String.join("\n", out);
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static String stripTrailing(String line) {
        return line.replace("\t", "    ").stripTrailing();
    }
}
