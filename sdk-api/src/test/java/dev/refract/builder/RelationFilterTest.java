package dev.refract.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.query.Filter;
import dev.refract.query.Filter.Comparison;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Filter.Quantifier;
import dev.refract.query.Filter.Related;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Relation conditions, through hand-written where builders shaped like generated ones: an author
 * (field 0 name, 1 posts, 2 mentor) with posts (field 0 title, 1 author, 2 editor).
 */
class RelationFilterTest {

    static final class AuthorWhere extends WhereBuilder<AuthorWhere> {
        @Override
        protected AuthorWhere self() {
            return this;
        }

        @Override
        protected AuthorWhere newBuilder() {
            return new AuthorWhere();
        }

        StringCondition<AuthorWhere> name() {
            return new StringCondition<>(this, 0, "name");
        }

        RelationFilter.ToMany<AuthorWhere, PostWhere> posts() {
            return new RelationFilter.ToMany<>(this, 1, "posts", PostWhere::new);
        }

        RelationFilter.ToOne.Nullable<AuthorWhere, AuthorWhere> mentor() {
            return new RelationFilter.ToOne.Nullable<>(this, 2, "mentor", AuthorWhere::new);
        }
    }

    static final class PostWhere extends WhereBuilder<PostWhere> {
        @Override
        protected PostWhere self() {
            return this;
        }

        @Override
        protected PostWhere newBuilder() {
            return new PostWhere();
        }

        StringCondition<PostWhere> title() {
            return new StringCondition<>(this, 0, "title");
        }

        RelationFilter.ToOne<PostWhere, AuthorWhere> author() {
            return new RelationFilter.ToOne<>(this, 1, "author", AuthorWhere::new);
        }

        RelationFilter.ToOne.Nullable<PostWhere, AuthorWhere> editor() {
            return new RelationFilter.ToOne.Nullable<>(this, 2, "editor", AuthorWhere::new);
        }
    }

    private static Comparison title(String value) {
        return new Comparison(0, Operator.EQUALS, value, Mode.DEFAULT);
    }

    @Test
    void toManyQuantifiersFilterTheRelatedModelsFields() {
        assertThat(new AuthorWhere().posts().some(p -> p.title().eq("a")).build())
                .isEqualTo(new Related(1, Quantifier.SOME, title("a")));
        assertThat(new AuthorWhere().posts().every(p -> p.title().eq("b")).build())
                .isEqualTo(new Related(1, Quantifier.EVERY, title("b")));
        assertThat(new AuthorWhere().posts().none(p -> p.title().eq("c")).build())
                .isEqualTo(new Related(1, Quantifier.NONE, title("c")));
    }

    @Test
    void toOneQuantifiersFilterTheRelatedRecord() {
        assertThat(new PostWhere().author().is(a -> a.name().eq("Ada")).build())
                .isEqualTo(new Related(1, Quantifier.IS, new Comparison(0, Operator.EQUALS, "Ada", Mode.DEFAULT)));
        assertThat(new PostWhere().author().isNot(a -> a.name().eq("Ada")).build())
                .isEqualTo(new Related(1, Quantifier.IS_NOT, new Comparison(0, Operator.EQUALS, "Ada", Mode.DEFAULT)));
    }

    @Test
    void optionalToOneTestsWhetherTheRelationIsSet() {
        assertThat(new PostWhere().editor().isNull().build()).isEqualTo(new Related(2, Quantifier.IS_NOT, Filter.ALL));
        assertThat(new PostWhere().editor().isNotNull().build()).isEqualTo(new Related(2, Quantifier.IS, Filter.ALL));
    }

    @Test
    void emptyConditionsMatchEveryRelatedRecord() {
        assertThat(new AuthorWhere().posts().some(p -> { }).build()).isEqualTo(new Related(1, Quantifier.SOME, Filter.ALL));
        assertThat(new PostWhere().author().is(a -> { }).build()).isEqualTo(new Related(1, Quantifier.IS, Filter.ALL));
    }

    @Test
    void relationConditionsNestToAnyDepthWithTheirOwnFieldIndexes() {
        Filter filter = new AuthorWhere()
                .posts().some(p -> p.title().eq("a").editor().is(e -> e.mentor().isNull().name().eq("Grace")))
                .build();

        assertThat(filter).isEqualTo(new Related(1, Quantifier.SOME, new Filter.And(List.of(
                title("a"),
                new Related(2, Quantifier.IS, new Filter.And(List.of(
                        new Related(2, Quantifier.IS_NOT, Filter.ALL),
                        new Comparison(0, Operator.EQUALS, "Grace", Mode.DEFAULT))))))));
    }

    @Test
    void relationConditionsChainWithOtherConditionsAndGroups() {
        Filter filter = new AuthorWhere().name().startsWith("A")
                .or(a -> a.posts().none(p -> p.title().eq("x")), b -> b.mentor().isNotNull())
                .build();

        assertThat(filter).isEqualTo(new Filter.And(List.of(
                new Comparison(0, Operator.STARTS_WITH, "A", Mode.DEFAULT),
                new Filter.Or(List.of(
                        new Related(1, Quantifier.NONE, title("x")),
                        new Related(2, Quantifier.IS, Filter.ALL))))));
    }

    @Test
    void eachConditionGetsAFreshRelatedBuilder() {
        Filter filter = new AuthorWhere().posts().some(p -> p.title().eq("a")).posts().every(p -> p.title().eq("b"))
                .build();

        assertThat(filter).isEqualTo(new Filter.And(List.of(
                new Related(1, Quantifier.SOME, title("a")),
                new Related(1, Quantifier.EVERY, title("b")))));
    }

    @Test
    void missingConditionsNameTheRelationAndTheMethod() {
        assertThatThrownBy(() -> new AuthorWhere().posts().some(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("posts().some");
    }
}
