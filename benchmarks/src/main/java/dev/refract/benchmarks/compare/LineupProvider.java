package dev.refract.benchmarks.compare;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.Set;

/**
 * Makes the {@link Lineup} of one datasource. Providers are found with {@link java.util.ServiceLoader}
 * (listed in {@code META-INF/services/dev.refract.benchmarks.compare.LineupProvider}), so a lineup for
 * another datasource joins the comparison without a change to the harness.
 */
public interface LineupProvider {

    /** The lineup's name on the command line ({@code --lineups=postgresql}), e.g. {@code postgresql}. */
    String key();

    /**
     * The workloads this lineup's contenders run; all by default. A run whose {@code --only} names none of
     * them leaves the lineup out.
     */
    default Set<Workload> workloads() {
        return EnumSet.allOf(Workload.class);
    }

    /**
     * The settings this lineup runs with, given the run's: the run's own by default. A lineup whose server
     * cannot run the default sizes within the time of a default run gives smaller defaults of its own
     * ({@link Settings#withDefaults}), and sizes given on the command line still apply to it.
     */
    default Settings settings(Settings run) {
        return run;
    }

    /**
     * Finds or starts the server, creates a namespace of its own there, creates the tables, seeds the
     * data and opens the contenders {@code settings} names.
     *
     * @param log where progress is reported
     */
    Lineup start(Settings settings, PrintStream log);

    /**
     * One contender of this lineup, connected to the data a started lineup's {@link Lineup#address()}
     * names; for a child JVM that measures one stream's heap.
     *
     * @throws IllegalArgumentException naming the contenders there are, when {@code key} is none of them
     */
    Contender contender(String key, String address, Settings settings);
}
