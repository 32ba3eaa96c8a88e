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
 * <p>Its default sizes are its own ({@link #DEFAULT_SIZES}): a tenth of the stream, a fifth of
 * the relational lineups' look-ups and writes, and a quarter of their include's parents: at theirs, the in-process server alone would take longer than the
 * relational lineups together (it keeps no index on the children's {@code parentId}, so each include
 * scans every child for every parent asked for), and a default run of every lineup must stay within
 * about twelve minutes on two cores. Sizes given on the command line apply to it as they are.
 */
public final class MongoLineupProvider implements LineupProvider {

    /**
     * The lineup's own defaults: a 100,000-row stream, so that the heap still compares a stream ten times the
     * size of the small one, smaller look-ups and writes, and 250 parents with their children for the include.
     */
    static final List<String> DEFAULT_SIZES = List.of("--findUniqueCalls=10000", "--streamRows=100000",
            "--includeCalls=5", "--parents=250", "--createCalls=2500", "--createManyRows=5000",
            "--incrementCalls=5000");

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
