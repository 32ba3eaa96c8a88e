package dev.refract.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupTest {

    private final Warmup rule = new Warmup(2, 5, 25);

    @Test
    void aWarmUpIsOverOnceThreeSlicesInARowAgreeWithinTheTolerance() {
        assertThat(rule.settled(List.of(1_000.0, 9_000.0, 9_400.0, 9_200.0))).isTrue();
        assertThat(rule.settled(List.of(1_000.0, 9_400.0, 9_000.0, 9_300.0))).isTrue();
    }

    @Test
    void twoSlowSlicesAgreeingByChanceDoNotEndAWarmUp() {
        assertThat(rule.settled(List.of(1_000.0, 3_000.0, 3_050.0, 8_000.0))).isFalse();
        assertThat(rule.settled(List.of(1_000.0, 3_000.0, 3_050.0))).isFalse();
    }

    @Test
    void aContenderStillSpeedingUpKeepsWarmingUp() {
        assertThat(rule.settled(List.of(1_000.0, 5_000.0, 8_000.0, 9_000.0))).isFalse();
        assertThat(rule.settled(List.of(1_000.0, 5_000.0, 8_000.0, 9_000.0, 9_300.0))).isFalse();
        assertThat(rule.settled(List.of(1_000.0, 5_000.0, 8_000.0, 9_000.0, 9_300.0, 9_100.0))).isTrue();
    }

    @Test
    void theColdFirstSliceNeverSettlesAWarmUpOnItsOwn() {
        // three slices agreeing is not enough when the first of them ran cold
        assertThat(rule.settled(List.of(9_000.0, 9_000.0, 9_000.0))).isFalse();
        assertThat(rule.settled(List.of())).isFalse();
    }

    @Test
    void slicesAreAPercentOfTheWorkloadAndTheCapBoundsTheirNumber() {
        assertThat(rule.sliceSize(200_000)).isEqualTo(4_000);
        assertThat(rule.maxSlices(200_000)).isEqualTo(12);
        // a tiny workload still warms up with one unit per slice, at least three times
        assertThat(rule.sliceSize(10)).isEqualTo(1);
        assertThat(rule.maxSlices(10)).isEqualTo(Warmup.MIN_SLICES);
    }

    @Test
    void aRuleThatCannotWorkIsRefused() {
        assertThatThrownBy(() -> new Warmup(0, 5, 25)).hasMessageContaining("--warmupSlicePercent");
        assertThatThrownBy(() -> new Warmup(2, 0, 25)).hasMessageContaining("--warmupTolerancePercent");
    }
}
