package dev.refract.benchmarks.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void theDefaultsHalveTheIssuesLookUpsAndWritesAndKeepItsStream() {
        Settings defaults = Settings.parse();

        assertThat(defaults.findUniqueCalls()).isEqualTo(50_000);
        assertThat(defaults.createCalls()).isEqualTo(10_000);
        assertThat(defaults.createManyRows()).isEqualTo(25_000);
        assertThat(defaults.incrementCalls()).isEqualTo(25_000);
        assertThat(defaults.includeCalls()).isEqualTo(50);
        assertThat(defaults.inFlight()).isEqualTo(64);
        assertThat(defaults.streamRows()).isEqualTo(1_000_000);
        assertThat(defaults.smallStreamRows()).isEqualTo(10_000);
        assertThat(defaults.parents()).isEqualTo(1_000);
        assertThat(defaults.childrenPerParent()).isEqualTo(10);
        assertThat(defaults.batchSize()).isEqualTo(1_000);
        assertThat(defaults.workloads()).isEqualTo(EnumSet.allOf(Workload.class));
    }

    @Test
    void readsOverridesOfSizesWorkloadsAndContenders() {
        Settings settings = Settings.parse("--rounds=2", "--streamRows=20_000", "--only=findUnique,stream",
                "--contenders=refract,raw", "--heap=off");

        assertThat(settings.rounds()).isEqualTo(2);
        assertThat(settings.streamRows()).isEqualTo(20_000);
        assertThat(settings.workloads()).containsExactlyInAnyOrder(Workload.FIND_UNIQUE, Workload.STREAM);
        assertThat(settings.includes("raw")).isTrue();
        assertThat(settings.includes("spring-template")).isFalse();
        assertThat(settings.heap()).isEqualTo(Settings.HeapMode.OFF);
        assertThat(settings.warmup().sliceSize(settings.streamRows())).isEqualTo(400);
    }

    @Test
    void theWarmUpRuleIsReadFromItsThreeSettings() {
        Settings settings = Settings.parse("--warmupSlicePercent=4", "--warmupTolerancePercent=3",
                "--warmupCapPercent=40");

        assertThat(settings.warmup()).isEqualTo(new Warmup(4, 3, 40));
        assertThat(settings.describe()).contains("warm-up slices of 4% until three in a row agree within 3% (at most 40%)");
        assertThatThrownBy(() -> Settings.parse("--warmupSlicePercent=10", "--warmupCapPercent=5"))
                .hasMessage("--warmupCapPercent (5) must be at least --warmupSlicePercent (10)");
    }

    @Test
    void aLineupsOwnDefaultsGiveWayToTheCommandLine() {
        Settings run = Settings.parse("--findUniqueCalls=60", "--rounds=1", "--lineups=mongodb");

        Settings own = run.withDefaults(List.of("--findUniqueCalls=20000", "--streamRows=100000"));

        assertThat(own.findUniqueCalls()).isEqualTo(60);
        assertThat(own.streamRows()).isEqualTo(100_000);
        assertThat(own.rounds()).isEqualTo(1);
        assertThat(own.lineups()).containsExactly("mongodb");
        assertThat(own.createCalls()).isEqualTo(run.createCalls());
        assertThat(own.withDefaults(List.of("--streamRows=50000")).streamRows()).isEqualTo(50_000);
    }

    @Test
    void anUnknownArgumentIsRefusedWithTheNamesThereAre() {
        assertThatThrownBy(() -> Settings.parse("--round=2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown argument --round; the names are findUniqueCalls, inFlight")
                .hasMessageContaining("rounds");
        assertThatThrownBy(() -> Settings.parse("--only=everything"))
                .hasMessageContaining("unknown workload 'everything'").hasMessageContaining("find_unique");
        assertThatThrownBy(() -> Settings.parse("--rounds=0")).hasMessage("--rounds must be at least 1, was 0");
    }
}
