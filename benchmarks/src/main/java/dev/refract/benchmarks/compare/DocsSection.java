package dev.refract.benchmarks.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a report into the docs: its figures between two markers of {@code benchmarks.md}, leaving
 * everything outside them as it is, and its chart beside it.
 */
public final class DocsSection {

    /** The page the figures go into. */
    public static final String PAGE = "benchmarks.md";
    /** The chart's file name, beside the page. */
    public static final String CHART = "benchmarks-e2e.svg";
    static final String BEGIN = "<!-- compare:begin (written by benchmarks/compare; edit outside these markers) -->";
    static final String END = "<!-- compare:end -->";

    private DocsSection() {
    }

    /**
     * Writes {@code report} into {@code folder}: the figures into {@link #PAGE}, the chart as {@link #CHART}.
     *
     * @throws IOException when either cannot be read or written
     */
    public static void write(Path folder, Report report) throws IOException {
        Path page = folder.resolve(PAGE);
        String document = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "# Benchmarks\n";
        Files.writeString(page, replace(document, report.markdown(CHART)), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve(CHART), report.chart(), StandardCharsets.UTF_8);
    }

    /**
     * {@code document} with {@code body} between the markers; a document without them gets a new
     * section at its end.
     */
    static String replace(String document, String body) {
        String block = BEGIN + "\n\n" + body.strip() + "\n\n" + END;
        int begin = document.indexOf("<!-- compare:begin");
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            String separator = document.endsWith("\n") ? "\n" : "\n\n";
            return document + separator + "## End-to-end comparison: latest figures\n\n" + block + "\n";
        }
        return document.substring(0, begin) + block + document.substring(end + END.length());
    }
}
