package dev.refract.benchmarks.compare.mongo;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Lineup;
import dev.refract.benchmarks.compare.LineupProvider;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.test.isolation.MongoNamespace;
import java.io.PrintStream;
import java.util.List;

/**
 * Provides the MongoDB lineup ({@link MongoLineup}), on a database of its own that it drops when the
 * lineup closes, on the server {@code MONGODB_URL} names or else the in-process one.
 *
 * <p>Its default sizes are a tenth of the relational lineups' ({@link #DEFAULT_SIZES}): at theirs, the
 * in-process server alone would take longer than the relational lineups together, and a default run of
 * every lineup must stay within 15 minutes on two cores. Sizes given on the command line apply to it as
 * they are.
 */
public final class MongoLineupProvider implements LineupProvider {

    /** The lineup's own defaults, a tenth of the run's: the heap still compares a stream ten times the size of the small one. */
    static final List<String> DEFAULT_SIZES = List.of("--findUniqueCalls=20000", "--streamRows=100000",
            "--includeCalls=5", "--createCalls=5000", "--createManyRows=10000", "--incrementCalls=10000");

    @Override
    public Settings settings(Settings run) {
        return run.withDefaults(DEFAULT_SIZES);
    }

    @Override
    public String key() {
        return MongoLineup.KEY;
    }

    @Override
    public Lineup start(Settings settings, PrintStream log) {
        return MongoLineup.start(settings, MongoNamespace.create("compare"), true, log);
    }

    @Override
    public Contender contender(String key, String address, Settings settings) {
        return MongoLineup.contender(key, address, settings);
    }
}
