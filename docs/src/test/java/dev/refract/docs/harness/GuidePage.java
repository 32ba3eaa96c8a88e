package dev.refract.docs.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Markdown page of the guide and its fenced code blocks. */
public final class GuidePage {

    private static final Pattern FENCE = Pattern.compile("^( *)```\\s*([A-Za-z0-9_+-]*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*(.*?)\\s*-->\\s*$");

    private final Path file;
    private final List<String> lines;
    private final List<FencedBlock> blocks;

    private GuidePage(Path file, List<String> lines) {
        this.file = file;
        this.lines = List.copyOf(lines);
        this.blocks = parse(file, lines);
    }

    /** Reads {@code file}. */
    public static GuidePage read(Path file) {
        try {
            return new GuidePage(file, Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the guide page " + file, e);
        }
    }

    /** Every {@code .md} file directly in {@code directory}, sorted by name. */
    public static List<GuidePage> readAll(Path directory) {
        try (var files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().map(GuidePage::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the guide pages in " + directory, e);
        }
    }

    /** The page's file. */
    public Path file() {
        return file;
    }

    /** The page's file name, e.g. {@code streaming.md}. */
    public String name() {
        return file.getFileName().toString();
    }

    /** The fenced blocks, in page order. */
    public List<FencedBlock> blocks() {
        return blocks;
    }

    /**
     * The page with the body of every block for which {@code replacement} gives text replaced by that
     * text (re-indented to the block's fence); {@code null} from it keeps a block as it is.
     */
    public String rewritten(Function<FencedBlock, String> replacement) {
        List<String> out = new ArrayList<>();
        int next = 0;
        for (FencedBlock block : blocks) {
            String text = replacement.apply(block);
            if (text == null) {
                continue;
            }
            int bodyStart = block.line();                    // index of the first body line
            out.addAll(lines.subList(next, bodyStart));
            for (String line : text.split("\n", -1)) {
                out.add(line.isEmpty() ? "" : block.indent() + line);
            }
            next = bodyStart + block.body().size();
        }
        out.addAll(lines.subList(next, lines.size()));
        return String.join("\n", out) + "\n";
    }

    /** Writes {@code text} over the page's file. */
    public void write(String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the guide page " + file, e);
        }
    }

    private static List<FencedBlock> parse(Path file, List<String> lines) {
        List<FencedBlock> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                i++;
                continue;
            }
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).strip().equals("```")) {
                close++;
            }
            if (close == lines.size()) {
                throw new IllegalStateException(file + ":" + (i + 1) + ": a code block is never closed; add a line ``` after it");
            }
            String indent = open.group(1);
            List<String> body = Arrays.asList(lines.subList(i + 1, close).stream()
                    .map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l.stripLeading())
                    .toArray(String[]::new));
            blocks.add(new FencedBlock(i + 1, open.group(2), indent, body, markerAbove(lines, i)));
            i = close + 1;
        }
        return List.copyOf(blocks);
    }

    private static String markerAbove(List<String> lines, int fence) {
        for (int j = fence - 1; j >= 0; j--) {
            if (lines.get(j).isBlank()) {
                continue;
            }
            Matcher marker = MARKER.matcher(lines.get(j));
            return marker.matches() ? marker.group(1) : "";
        }
        return "";
    }
}
