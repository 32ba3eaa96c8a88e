package dev.refract.test.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomCasesTest {

    @Test
    void runsTheCheckOnEveryCase() {
        List<Integer> seen = new ArrayList<>();
        RandomCases.forAll(50, random -> random.nextInt(1000), seen::add);
        assertThat(seen).hasSize(50);
    }

    @Test
    void drawsTheSameInputsOnEveryRun() {
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        RandomCases.forAll(20, random -> Draw.anyString(random, 0, 30), first::add);
        RandomCases.forAll(20, random -> Draw.anyString(random, 0, 30), second::add);
        assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
    }

    @Test
    void namesTheSeedAndInputOfTheFirstFailingCase() {
        assertThatThrownBy(() -> RandomCases.forAll(1000, random -> Draw.between(random, 0, 9), n -> assertThat(n).isLessThan(9)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Property failed for the case of seed ")
                .hasMessageContaining("-Drefract.test.replay=")
                .hasMessageContaining("on input:\n9");
    }

    @Test
    void refusesANonPositiveCaseCount() {
        assertThatThrownBy(() -> RandomCases.forAll(0, random -> 1, n -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void drawsStringsOfTheAskedLengthFromTheAlphabet() {
        RandomCases.forAll(200, random -> Draw.string(random, "ab", 2, 5),
                text -> assertThat(text).hasSizeBetween(2, 5).matches("[ab]+"));
    }
}
