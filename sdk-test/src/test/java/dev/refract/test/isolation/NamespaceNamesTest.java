package dev.refract.test.isolation;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class NamespaceNamesTest {

    @Test
    void namesTheOwnerInLowerCaseFollowedByARandomSuffix() {
        assertThat(NamespaceNames.generate("OrderRepositoryIT")).matches("rt_orderrepositoryit_[0-9a-f]{12}");
        assertThat(NamespaceNames.generate("PipelineIT_WhenFailed")).matches("rt_pipelineit_whenfailed_[0-9a-f]{12}");
    }

    @Test
    void cutsLongOwnersAndNeverEndsTheLabelWithAnUnderscore() {
        assertThat(NamespaceNames.sanitize("AVeryLongIntegrationTestClassName_ForSomething")).isEqualTo("averylongintegrationtestclassn");
        assertThat(NamespaceNames.sanitize("abcdefghijklmnopqrstuvwxyz012_x")).isEqualTo("abcdefghijklmnopqrstuvwxyz012");
    }

    @Test
    void fallsBackToAFixedLabelWhenNothingIsLeft() {
        assertThat(NamespaceNames.sanitize("$$$")).isEqualTo("test");
        assertThat(NamespaceNames.sanitize(null)).isEqualTo("test");
    }

    @Test
    void givesTheSameOwnerADifferentNameEachTime() {
        Set<String> names = new HashSet<>();
        IntStream.range(0, 1_000).forEach(i -> names.add(NamespaceNames.generate("SameIT")));
        assertThat(names).hasSize(1_000);
    }
}
