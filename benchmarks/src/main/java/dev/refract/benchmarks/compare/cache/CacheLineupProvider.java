package dev.refract.benchmarks.compare.cache;

import dev.refract.benchmarks.compare.Contender;
import dev.refract.benchmarks.compare.Lineup;
import dev.refract.benchmarks.compare.LineupProvider;
import dev.refract.benchmarks.compare.Settings;
import dev.refract.benchmarks.compare.Workload;
import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Provides the cache lineup ({@link CacheLineup}): the look-up by id only, read through Refract's Redis
 * cache, from PostgreSQL, and by a hand-written Lettuce {@code GET}.
 *
 * <p>Its own defaults ({@link #DEFAULT_SIZES}) keep the cached table small, 20,000 records, so that
 * caching all of it takes a second and the entries stay a few megabytes; the 200,000 look-ups of the
 * relational lineups are spread over it. Sizes given on the command line apply to it as they are.
 */
public final class CacheLineupProvider implements LineupProvider {

    /** The lineup's own defaults: the records cached, and so the ids the look-ups are spread over. */
    static final List<String> DEFAULT_SIZES = List.of("--only=findUnique", "--streamRows=20000",
            "--smallStreamRows=1000");

    @Override
    public String key() {
        return CacheLineup.KEY;
    }

    @Override
    public Set<Workload> workloads() {
        return EnumSet.of(Workload.FIND_UNIQUE);
    }

    @Override
    public Settings settings(Settings run) {
        return run.withDefaults(DEFAULT_SIZES);
    }

    @Override
    public Lineup start(Settings settings, PrintStream log) {
        return CacheLineup.start(settings, log);
    }

    @Override
    public Contender contender(String key, String address, Settings settings) {
        return CacheLineup.contender(key, address, settings);
    }
}
