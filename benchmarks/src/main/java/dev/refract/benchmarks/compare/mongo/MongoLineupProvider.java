package dev.refract.benchmarks.compare.mongo;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Lineup;
import dev.refract.benchmarks.compare.LineupProvider;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.test.isolation.MongoNamespace;
import java.io.PrintStream;

/**
 * Provides the MongoDB lineup ({@link MongoLineup}), on a database of its own that it drops when the
 * lineup closes, on the server {@code MONGODB_URL} names or else the in-process one.
 */
public final class MongoLineupProvider implements LineupProvider {

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
