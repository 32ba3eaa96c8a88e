package dev.refract.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandingTest {

    private static final Entrant REFRACT = new Entrant("refract", "Refract", Role.REFRACT);
    private static final Entrant RAW = new Entrant("raw", "raw", Role.RAW);
    private static final Entrant PEER = new Entrant("peer", "peer", Role.PEER);

    private static RunResult run(Workload workload, String contender, int round, long units) {
        return new RunResult(workload, contender, round, units, units, 1_000_000_000L, 500_000_000L, 10, 20, null);
    }

    @Test
    void ratiosAreTakenRoundByRoundAndTheirMedianReported() {
        // the machine slows down in round 2 for both: per-round ratios stay 0.9, 1.0, 0.8
        Standing standing = new Standing(new Results("db", "server", Map.of(), List.of(REFRACT, RAW), List.of(
                run(Workload.FIND_UNIQUE, "refract", 0, 1),
                run(Workload.FIND_UNIQUE, "raw", 0, 1),
                run(Workload.FIND_UNIQUE, "refract", 1, 900),
                run(Workload.FIND_UNIQUE, "raw", 1, 1000),
                run(Workload.FIND_UNIQUE, "refract", 2, 300),
                run(Workload.FIND_UNIQUE, "raw", 2, 300),
                run(Workload.FIND_UNIQUE, "refract", 3, 800),
                run(Workload.FIND_UNIQUE, "raw", 3, 1000)), List.of()));

        Standing.Figure raw = standing.figures(Workload.FIND_UNIQUE).get(1);

        assertThat(raw.ratio()).isCloseTo(0.9, within(1e-9));
        assertThat(raw.ratioLow()).isCloseTo(0.8, within(1e-9));
        assertThat(raw.ratioHigh()).isCloseTo(1.0, within(1e-9));
        assertThat(raw.throughput()).isEqualTo(1000);
        assertThat(standing.targets()).singleElement().satisfies(target -> {
            assertThat(target.met()).isFalse();
            assertThat(target.text()).isEqualTo("findUnique: Refract ≥ 0.95 × raw");
        });
    }

    @Test
    void aFailedContenderHasNoFiguresAndItsTargetIsMissedWithTheReason() {
        Standing standing = new Standing(new Results("db", "server", Map.of(), List.of(REFRACT, PEER), List.of(
                RunResult.failed(Workload.STREAM, "refract", 0, "wrong result: too few rows"),
                run(Workload.STREAM, "peer", 0, 10),
                run(Workload.STREAM, "peer", 1, 10)), List.of()));

        assertThat(standing.figures(Workload.STREAM).get(0).failure()).isEqualTo("wrong result: too few rows");
        assertThat(standing.targets()).singleElement().satisfies(target -> {
            assertThat(target.met()).isFalse();
            assertThat(target.failure()).isEqualTo("Refract failed: wrong result: too few rows");
        });
    }

    @Test
    void peersHaveTargetsOnlyOnTheLookUpAndTheStreamAndTheHeapHasOne() {
        Standing standing = new Standing(new Results("db", "server", Map.of(), List.of(REFRACT, PEER), List.of(
                run(Workload.CREATE, "refract", 1, 10), run(Workload.CREATE, "peer", 1, 10),
                run(Workload.STREAM, "refract", 1, 30), run(Workload.STREAM, "peer", 1, 10)), List.of(
                new HeapResult("refract", 10, 5, 100, null), new HeapResult("refract", 1000, 5, 140, null))));

        assertThat(standing.targets()).extracting(Standing.Target::text, Standing.Target::met).containsExactly(
                org.assertj.core.groups.Tuple.tuple("findMany stream: Refract ≥ 1.20 × peer", true),
                org.assertj.core.groups.Tuple.tuple("stream heap: Refract's peak at 1,000 rows ≤ 1.5 × its peak at 10 rows",
                        true));
    }
}
