package dev.refract.benchmarks.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the ratios of a comparison as an SVG bar chart, in plain SVG text: one group per workload,
 * one bar per contender, each bar Refract's throughput as a multiple of that contender's, drawn
 * from parity (1×) on a logarithmic axis, so a bar to the right means Refract is faster and one to
 * the left slower, and twice as fast lies as far from parity as half as fast. A bar is green when it
 * meets its target (a dashed mark), red when it misses it, blue when there is none.
 */
public final class BarChart {

    private static final int WIDTH = 860;
    private static final int LABELS = 300;
    private static final int PLOT = 430;
    private static final int BAR = 16;
    private static final int GAP = 6;
    private static final int GROUP_HEAD = 26;
    private static final String MET = "#2e7d32";
    private static final String MISSED = "#c62828";
    private static final String NONE = "#1565c0";

    private BarChart() {
    }

    /** The chart of {@code standings} (one per lineup) as an SVG document. */
    public static String svg(List<Standing> standings, int rounds) {
        List<Row> rows = rows(standings);
        double low = 0.5;
        double high = 2;
        for (Row row : rows) {
            if (!Double.isNaN(row.value)) {
                low = Math.min(low, row.value);
                high = Math.max(high, row.value);
            }
            if (!Double.isNaN(row.target)) {
                low = Math.min(low, row.target);
                high = Math.max(high, row.target);
            }
        }
        int lowExponent = (int) Math.floor(log2(low));
        int highExponent = (int) Math.ceil(log2(high));
        lowExponent = Math.max(lowExponent, -6);
        highExponent = Math.min(Math.max(highExponent, lowExponent + 2), 8);
        Axis axis = new Axis(lowExponent, highExponent);

        int top = 58;
        int height = top;
        for (Row row : rows) {
            height += row.isHead() ? GROUP_HEAD : BAR + GAP;
        }
        int plotBottom = height;
        height += 78;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">%n",
                WIDTH, height, WIDTH, height));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>%n", WIDTH, height));
        text(svg, 16, 22, "start", "font-size=\"15\" font-weight=\"bold\"",
                "Refract's throughput as a multiple of each contender's");
        text(svg, 16, 40, "start", "fill=\"#555555\"", String.format(Locale.ROOT,
                "median of %d measured round%s, each ratio taken within one round; logarithmic axis, 1× = parity",
                rounds, rounds == 1 ? "" : "s"));

        for (int exponent = axis.low; exponent <= axis.high; exponent++) {
            double x = axis.x(Math.pow(2, exponent));
            String stroke = exponent == 0 ? "#222222" : "#dddddd";
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\"/>%n",
                    x, top - 6, x, plotBottom, stroke));
            text(svg, x, plotBottom + 16, "middle", "fill=\"#333333\"", tick(exponent));
        }
        text(svg, LABELS + PLOT / 2.0, plotBottom + 34, "middle", "fill=\"#333333\"",
                "← Refract slower · Refract faster →");

        int y = top;
        for (Row row : rows) {
            if (row.isHead()) {
                text(svg, 16, y + 17, "start", "font-weight=\"bold\"", row.label);
                y += GROUP_HEAD;
                continue;
            }
            text(svg, LABELS - 8, y + 12, "end", "", row.label);
            if (row.failure != null) {
                text(svg, axis.x(1) + 6, y + 12, "start", "fill=\"" + MISSED + "\"", row.failure);
            } else {
                double from = axis.x(1);
                double to = axis.x(Math.max(Math.pow(2, axis.low), Math.min(Math.pow(2, axis.high), row.value)));
                String colour = Double.isNaN(row.target) ? NONE : row.value >= row.target ? MET : MISSED;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\""
                        + " fill=\"%s\"/>%n", Math.min(from, to), y, Math.max(1, Math.abs(to - from)), BAR, colour));
                text(svg, LABELS + PLOT + 10, y + 12, "start", "font-weight=\"bold\" fill=\"" + colour + "\"",
                        String.format(Locale.ROOT, "%.2f×", row.value));
            }
            if (!Double.isNaN(row.target)) {
                double x = axis.x(row.target);
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#000000\""
                        + " stroke-width=\"2\" stroke-dasharray=\"3,2\"/>%n", x, y - 2, x, y + BAR + 2));
            }
            y += BAR + GAP;
        }

        int legend = plotBottom + 56;
        legend(svg, 16, legend, MET, "meets its target");
        legend(svg, 170, legend, MISSED, "misses its target (or failed)");
        legend(svg, 390, legend, NONE, "no target");
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000000\""
                + " stroke-width=\"2\" stroke-dasharray=\"3,2\"/>%n", 500, legend - 10, 500, legend + 4));
        text(svg, 508, legend, "start", "", "target: ≥ 0.95× the raw driver, ≥ 1.2× a peer");
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static List<Row> rows(List<Standing> standings) {
        List<Row> rows = new ArrayList<>();
        for (Standing standing : standings) {
            for (Workload workload : standing.workloads()) {
                String head = workload.label() + " (" + workload.description() + ")";
                rows.add(new Row(standings.size() > 1 ? standing.results().lineup() + ": " + head : head,
                        Double.NaN, Double.NaN, null, true));
                Standing.Figure own = null;
                for (Standing.Figure figure : standing.figures(workload)) {
                    if (figure.entrant().role() == Role.REFRACT) {
                        own = figure;
                    }
                }
                for (Standing.Figure figure : standing.figures(workload)) {
                    Role role = figure.entrant().role();
                    if (role == Role.REFRACT) {
                        continue;
                    }
                    double target = role == Role.RAW ? Standing.RAW_TARGET
                            : workload == Workload.FIND_UNIQUE || workload == Workload.STREAM ? Standing.PEER_TARGET
                            : Double.NaN;
                    String failure = own == null ? "Refract did not run"
                            : own.isFailed() ? "Refract failed" : figure.isFailed() ? "failed" : null;
                    rows.add(new Row("vs " + figure.entrant().name(), figure.ratio(), target, failure, false));
                }
            }
        }
        return rows;
    }

    private static void legend(StringBuilder svg, int x, int y, String colour, String label) {
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"12\" fill=\"%s\"/>%n",
                x, y - 10, colour));
        text(svg, x + 20, y, "start", "", label);
    }

    private static void text(StringBuilder svg, double x, double y, String anchor, String attributes, String text) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>%n", x, y,
                anchor, attributes.isEmpty() ? "" : " " + attributes, escape(text)));
    }

    private static String tick(int exponent) {
        double value = Math.pow(2, exponent);
        return exponent >= 0 ? String.format(Locale.ROOT, "%.0f×", value)
                : exponent >= -3 ? String.format(Locale.ROOT, "%s×", trim(value)) : "1/" + (int) Math.pow(2, -exponent) + "×";
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A logarithmic axis from 2^low to 2^high over the plot's width. */
    private record Axis(int low, int high) {
        double x(double value) {
            return LABELS + PLOT * (log2(value) - low) / (high - low);
        }
    }

    /** A group heading or one bar. */
    private record Row(String label, double value, double target, String failure, boolean isHead) {
    }
}
