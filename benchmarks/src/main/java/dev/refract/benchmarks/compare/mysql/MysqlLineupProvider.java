package dev.refract.benchmarks.compare.mysql;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Lineup;
import dev.refract.benchmarks.compare.LineupProvider;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.test.isolation.MysqlNamespace;
import java.io.PrintStream;

/** Provides the MySQL lineup ({@link MysqlLineup}), in a database of its own that it drops when the lineup closes. */
public final class MysqlLineupProvider implements LineupProvider {

    @Override
    public String key() {
        return MysqlLineup.KEY;
    }

    @Override
    public Lineup start(Settings settings, PrintStream log) {
        return MysqlLineup.start(settings, MysqlNamespace.create("compare"), true, log);
    }

    @Override
    public Contender contender(String key, String address, Settings settings) {
        return MysqlLineup.contender(key, address, settings);
    }
}
