package dev.refract.benchmarks.compare.postgres;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Lineup;
import dev.refract.benchmarks.compare.LineupProvider;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.test.isolation.PostgresNamespace;
import java.io.PrintStream;

/** Provides the PostgreSQL lineup ({@link PostgresLineup}), on a schema of its own that it drops when the lineup closes. */
public final class PostgresLineupProvider implements LineupProvider {

    @Override
    public String key() {
        return PostgresLineup.KEY;
    }

    @Override
    public Lineup start(Settings settings, PrintStream log) {
        return PostgresLineup.start(settings, PostgresNamespace.create("compare"), true, log);
    }

    @Override
    public Contender contender(String key, String address, Settings settings) {
        return PostgresLineup.contender(key, address, settings);
    }
}
