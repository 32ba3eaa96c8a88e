package dev.refract.benchmarks.compare;

import java.util.List;
import java.util.Map;

/**
 * Everything one lineup's part of a comparison run measured.
 *
 * @param lineup    the lineup's key
 * @param server    the server, as {@link Lineup#server()} describes it
 * @param versions  the libraries and their versions
 * @param entrants  the contenders, in the order each round ran them
 * @param runs      every run, warm-ups (round 0) included
 * @param heap      the streaming heap measurements, in the order they were taken
 * @param note      what a reader of the figures must know, as {@link Lineup#note()} says it; {@code null} for nothing
 * @param sizes     the sizes the lineup ran with, as {@link Settings#describe()} says them; {@code null} when unknown
 */
public record Results(String lineup, String server, Map<String, String> versions, List<Entrant> entrants,
        List<RunResult> runs, List<HeapResult> heap, String note, String sizes) {

    /** The results of a lineup with nothing to note, whose sizes are those of the run. */
    public Results(String lineup, String server, Map<String, String> versions, List<Entrant> entrants,
            List<RunResult> runs, List<HeapResult> heap) {
        this(lineup, server, versions, entrants, runs, heap, null, null);
    }

    public Results {
        versions = Map.copyOf(versions);
        entrants = List.copyOf(entrants);
        runs = List.copyOf(runs);
        heap = List.copyOf(heap);
    }
}
