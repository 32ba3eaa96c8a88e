package dev.refract.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SliceTest {

    @Test
    void aRunAddsUpItsSlicesAndTakesThePercentilesOfAllTheirCallsTogether() {
        Slice first = new Slice(4, 4, 100, 40, new long[] {1, 2, 3, 4}, null);
        Slice second = new Slice(4, 4, 300, 60, new long[] {5, 6, 7, 100}, null);

        RunResult run = Slice.combine(Workload.FIND_UNIQUE, "raw", 2, List.of(first, second));

        assertThat(run.calls()).isEqualTo(8);
        assertThat(run.units()).isEqualTo(8);
        assertThat(run.nanos()).isEqualTo(400);
        assertThat(run.cpuNanos()).isEqualTo(100);
        assertThat(run.p50Nanos()).isEqualTo(4);
        assertThat(run.p99Nanos()).isEqualTo(100);
        assertThat(run.round()).isEqualTo(2);
        assertThat(run.throughput()).isEqualTo(2e7);
    }

    @Test
    void aRunWithAFailedSliceFailsWithItsReason() {
        RunResult run = Slice.combine(Workload.CREATE, "raw", 1,
                List.of(new Slice(1, 1, 10, 1, new long[] {10}, null), Slice.failed("wrong result: no row")));

        assertThat(run.failure()).isEqualTo("wrong result: no row");
    }

    @Test
    void aStreamHasNoLatencies() {
        RunResult run = Slice.combine(Workload.STREAM, "raw", 1, List.of(new Slice(1, 1000, 10, 5, new long[0], null)));

        assertThat(run.p50Nanos()).isEqualTo(-1);
        assertThat(run.p99Nanos()).isEqualTo(-1);
    }
}
