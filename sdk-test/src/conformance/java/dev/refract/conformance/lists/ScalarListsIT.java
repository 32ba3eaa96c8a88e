package dev.refract.conformance.lists;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.conformance.Conformance;
import dev.refract.conformance.ConformanceContext;
import dev.refract.conformance.lists.client.RefractClient;
import dev.refract.conformance.lists.client.Tagged;
import dev.refract.conformance.lists.client.TaggedWhere;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Lists of scalars stored, read back in order, filtered by their elements and replaced. Needs the adapter's scalar lists. */
@Conformance
class ScalarListsIT {

    private final ConformanceContext context;

    ScalarListsIT(ConformanceContext context) {
        this.context = context;
    }

    private RefractClient arranged() {
        RefractClient lists = context.lists();
        lists.tagged().deleteMany().block(ConformanceContext.WAIT);
        lists.tagged().create(c -> c.name("a").tags(List.of("red", "green")).scores(List.of(3, 1, 2)))
                .block(ConformanceContext.WAIT);
        lists.tagged().create(c -> c.name("b").tags(List.of("blue")).scores(List.of(5)))
                .block(ConformanceContext.WAIT);
        lists.tagged().create(c -> c.name("c").tags(List.of()).scores(List.of())).block(ConformanceContext.WAIT);
        return lists;
    }

    private static List<String> names(RefractClient lists, Consumer<TaggedWhere> where) {
        return lists.tagged().findMany(q -> q.where(where).orderBy(o -> o.name().asc())).map(Tagged::name)
                .collectList().block(ConformanceContext.WAIT);
    }

    @Test
    void listsAreStoredAndReadBackInTheirOrder() {
        RefractClient lists = arranged();
        StepVerifier.create(lists.tagged().findUniqueOrThrow(q -> q.where(w -> w.name("a"))))
                .assertNext(tagged -> {
                    assertThat(tagged.tags()).containsExactly("red", "green");
                    assertThat(tagged.scores()).containsExactly(3, 1, 2);
                })
                .verifyComplete();
        StepVerifier.create(lists.tagged().findUniqueOrThrow(q -> q.where(w -> w.name("c"))))
                .assertNext(tagged -> assertThat(tagged.tags()).isEmpty())
                .verifyComplete();
    }

    @Test
    void listConditionsMatchByElements() {
        RefractClient lists = arranged();
        assertThat(names(lists, w -> w.tags().has("red"))).containsExactly("a");
        assertThat(names(lists, w -> w.tags().hasSome(List.of("blue", "green")))).containsExactly("a", "b");
        assertThat(names(lists, w -> w.tags().hasEvery(List.of("green", "red")))).containsExactly("a");
        assertThat(names(lists, w -> w.tags().isEmpty())).containsExactly("c");
        assertThat(names(lists, w -> w.scores().eq(List.of(3, 1, 2)))).containsExactly("a");
        assertThat(names(lists, w -> w.scores().eq(List.of(1, 2, 3)))).isEmpty();
    }

    @Test
    void anUpdateReplacesTheWholeList() {
        RefractClient lists = arranged();
        StepVerifier.create(lists.tagged().update(w -> w.name("b"), d -> d.tags(List.of("x", "y", "z"))))
                .assertNext(tagged -> assertThat(tagged.tags()).containsExactly("x", "y", "z"))
                .verifyComplete();
        assertThat(names(lists, w -> w.tags().has("blue"))).isEmpty();
    }
}
