package dev.refract.benchmarks.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The end-to-end comparison's command line (run it with {@code benchmarks/compare}): runs every
 * lineup on the class path, prints what the targets came to, and with {@code --docs=DIR} writes the
 * figures and the chart into {@code DIR/benchmarks.md} and {@code DIR/benchmarks-e2e.svg}.
 */
public final class Compare {

    private Compare() {
    }

    /** See {@link Settings#parse} for the arguments. */
    public static void main(String[] args) {
        // before any logger starts: the drivers' and Spring's info lines would bury the progress
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("compare: " + e.getMessage());
            System.exit(2);
            return;
        }
        int status;
        try {
            Report report = run(settings, System.err);
            if (settings.docs() != null) {
                DocsSection.write(settings.docs(), report);
                System.err.println("compare: wrote " + settings.docs().resolve(DocsSection.PAGE) + " and "
                        + settings.docs().resolve(DocsSection.CHART));
            } else {
                System.out.println(report.markdown(DocsSection.CHART));
            }
            System.out.print(report.summary());
            status = 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("compare: " + e.getMessage());
            e.printStackTrace();
            status = 1;
        }
        // the drivers' event loops would keep the JVM alive for a while
        System.exit(status);
    }

    /** Runs every lineup {@code settings} names and reports on them; progress goes to {@code log}. */
    public static Report run(Settings settings, PrintStream log) {
        Instant started = Instant.now();
        double loadBefore = Machine.loadAverage();
        List<Standing> standings = new ArrayList<>();
        for (LineupProvider provider : Lineups.all()) {
            if (!settings.includesLineup(provider.key())
                    || Collections.disjoint(provider.workloads(), settings.workloads())) {
                continue;
            }
            Settings own = provider.settings(settings);
            try (Lineup lineup = provider.start(own, log)) {
                standings.add(new Standing(new Harness(own, log).run(lineup)));
            }
        }
        if (standings.isEmpty()) {
            throw new IllegalArgumentException("--lineups names no lineup there is that runs a workload --only names;"
                    + " the lineups are " + Lineups.all().stream().map(LineupProvider::key).toList());
        }
        return new Report(settings, Machine.current(), standings, started, Duration.between(started, Instant.now()),
                loadBefore, Machine.loadAverage());
    }
}
