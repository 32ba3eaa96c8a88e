package dev.refract.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.query.Filter;
import dev.refract.query.Filter.Comparison;
import dev.refract.query.Filter.Embedded;
import dev.refract.query.Filter.IsNull;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Filter.Quantifier;
import dev.refract.spi.Row;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conditions on composite values, through hand-written builders shaped like generated ones: a venue
 * (field 0 name, 1 address, 2 home, 3 photos) whose address (field 0 city, 1 location) holds a point
 * (field 0 kind).
 */
class CompositeFilterTest {

    record Point(String kind) {}

    record Address(String city, Point location) {}

    record Photo(String url) {}

    static final class VenueWhere extends WhereBuilder<VenueWhere> {
        @Override
        protected VenueWhere self() {
            return this;
        }

        @Override
        protected VenueWhere newBuilder() {
            return new VenueWhere();
        }

        StringCondition<VenueWhere> name() {
            return new StringCondition<>(this, 0, "name");
        }

        CompositeFilter.Single<VenueWhere, Address, AddressWhere> address() {
            return new CompositeFilter.Single<>(this, 1, "address", CompositeFilterTest::encode, AddressWhere::new);
        }

        CompositeFilter.Single.Nullable<VenueWhere, Address, AddressWhere> home() {
            return new CompositeFilter.Single.Nullable<>(this, 2, "home", CompositeFilterTest::encode, AddressWhere::new);
        }

        CompositeFilter.Many<VenueWhere, Photo, PhotoWhere> photos() {
            return new CompositeFilter.Many<>(this, 3, "photos", photo -> Row.of(photo.url()), PhotoWhere::new);
        }
    }

    static final class AddressWhere extends WhereBuilder<AddressWhere> {
        @Override
        protected AddressWhere self() {
            return this;
        }

        @Override
        protected AddressWhere newBuilder() {
            return new AddressWhere();
        }

        StringCondition<AddressWhere> city() {
            return new StringCondition<>(this, 0, "city");
        }

        CompositeFilter.Single.Nullable<AddressWhere, Point, PointWhere> location() {
            return new CompositeFilter.Single.Nullable<>(this, 1, "location", point -> Row.of(point.kind()),
                    PointWhere::new);
        }
    }

    static final class PointWhere extends WhereBuilder<PointWhere> {
        @Override
        protected PointWhere self() {
            return this;
        }

        @Override
        protected PointWhere newBuilder() {
            return new PointWhere();
        }

        StringCondition<PointWhere> kind() {
            return new StringCondition<>(this, 0, "kind");
        }
    }

    static final class PhotoWhere extends WhereBuilder<PhotoWhere> {
        @Override
        protected PhotoWhere self() {
            return this;
        }

        @Override
        protected PhotoWhere newBuilder() {
            return new PhotoWhere();
        }

        StringCondition<PhotoWhere> url() {
            return new StringCondition<>(this, 0, "url");
        }
    }

    private static Row encode(Address address) {
        return Row.of(address.city(), address.location() == null ? null : Row.of(address.location().kind()));
    }

    private static Comparison equalTo(int field, Object value) {
        return new Comparison(field, Operator.EQUALS, value, Mode.DEFAULT);
    }

    @Test
    void equalsComparesTheWholeValueAsANestedRow() {
        Filter filter = new VenueWhere().address().equals(new Address("Berlin", new Point("Point"))).build();

        assertThat(filter).isEqualTo(equalTo(1, Row.of("Berlin", Row.of("Point"))));
    }

    @Test
    void isAndIsNotFilterTheCompositesOwnFieldsCountedInTheComposite() {
        assertThat(new VenueWhere().address().is(a -> a.city().eq("Berlin")).build())
                .isEqualTo(new Embedded(1, Quantifier.IS, equalTo(0, "Berlin")));
        assertThat(new VenueWhere().home().isNot(a -> a.city().eq("Paris")).build())
                .isEqualTo(new Embedded(2, Quantifier.IS_NOT, equalTo(0, "Paris")));
    }

    @Test
    void conditionsNestIntoACompositeInsideAComposite() {
        Filter filter = new VenueWhere().address().is(a -> a.city().eq("Berlin").location().is(l -> l.kind().eq("Point")))
                .build();

        assertThat(filter).isEqualTo(new Embedded(1, Quantifier.IS, new Filter.And(List.of(
                equalTo(0, "Berlin"),
                new Embedded(1, Quantifier.IS, equalTo(0, "Point"))))));
    }

    @Test
    void emptyConditionsMatchAnyValue() {
        assertThat(new VenueWhere().address().is(a -> { }).build()).isEqualTo(new Embedded(1, Quantifier.IS, Filter.ALL));
    }

    @Test
    void isSetAsksWhetherAnOptionalCompositeHoldsAValue() {
        assertThat(new VenueWhere().home().isSet(true).build()).isEqualTo(new IsNull(2, false));
        assertThat(new VenueWhere().home().isSet(false).build()).isEqualTo(new IsNull(2, true));
    }

    @Test
    void listQuantifiersFilterTheElements() {
        assertThat(new VenueWhere().photos().some(p -> p.url().eq("a")).build())
                .isEqualTo(new Embedded(3, Quantifier.SOME, equalTo(0, "a")));
        assertThat(new VenueWhere().photos().every(p -> p.url().eq("b")).build())
                .isEqualTo(new Embedded(3, Quantifier.EVERY, equalTo(0, "b")));
        assertThat(new VenueWhere().photos().none(p -> p.url().eq("c")).build())
                .isEqualTo(new Embedded(3, Quantifier.NONE, equalTo(0, "c")));
    }

    @Test
    void listEqualsComparesEveryElementInOrder() {
        Filter filter = new VenueWhere().photos().equals(List.of(new Photo("a"), new Photo("b"))).build();

        assertThat(filter).isEqualTo(equalTo(3, List.of(Row.of("a"), Row.of("b"))));
    }

    @Test
    void isEmptyAsksWhetherTheListHasNoElement() {
        Comparison empty = new Comparison(3, Operator.IS_EMPTY, null, Mode.DEFAULT);

        assertThat(new VenueWhere().photos().isEmpty(true).build()).isEqualTo(empty);
        assertThat(new VenueWhere().photos().isEmpty(false).build()).isEqualTo(new Filter.Not(empty));
    }

    @Test
    void conditionsChainWithTheModelsOwnConditions() {
        Filter filter = new VenueWhere().name().eq("Mitte").home().isSet(true).photos().isEmpty(true).build();

        assertThat(filter).isEqualTo(new Filter.And(List.of(equalTo(0, "Mitte"), new IsNull(2, false),
                new Comparison(3, Operator.IS_EMPTY, null, Mode.DEFAULT))));
    }

    @Test
    void nullValuesAreRefusedWithWhatToDoInstead() {
        assertThatThrownBy(() -> new VenueWhere().home().equals((Address) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("home().equals").hasMessageContaining("home().isSet(false)");
        assertThatThrownBy(() -> new VenueWhere().photos().equals((List<Photo>) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("photos().equals").hasMessageContaining("isEmpty(true)");
        assertThatThrownBy(() -> new VenueWhere().photos().equals(Arrays.asList(new Photo("a"), null)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("photos().equals");
        assertThatThrownBy(() -> new VenueWhere().photos().some(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("photos().some");
    }
}
