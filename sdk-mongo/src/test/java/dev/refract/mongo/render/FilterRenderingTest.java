package dev.refract.mongo.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import dev.refract.json.Json;
import dev.refract.mongo.codec.ModelCodecs;
import dev.refract.mongo.codec.ScalarCodecs;
import dev.refract.mongo.store.RefractClientMetadata;
import dev.refract.query.Filter;
import dev.refract.query.Filter.Comparison;
import dev.refract.query.Filter.Mode;
import dev.refract.query.Filter.Operator;
import dev.refract.query.Filter.Quantifier;
import dev.refract.spi.Row;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;

/** Filters as BSON, shown as relaxed extended JSON, and as canonical (EXTENDED) JSON where the BSON types matter. */
class FilterRenderingTest {

    private static final int CUSTOMER = 0;
    private static final int ORDER = 1;
    private static final int ID = 0;
    private static final int EMAIL = 1;
    private static final int NAME = 2;
    private static final int KARMA = 4;
    private static final int SCORE = 5;
    private static final int PROFILE = 9;
    private static final int TAGS = 10;
    private static final int ADDRESS = 11;
    private static final int ORDERS = 12;
    private static final int LINES = 2;

    private final FilterRenderer renderer = new FilterRenderer(new ModelCodecs(RefractClientMetadata.SCHEMA,
            ScalarCodecs.standard()));

    private static String json(BsonDocument document) {
        return document.toJson(JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build());
    }

    private String render(int model, Filter filter) {
        return json(renderer.render(model, filter, new FilterRenderer.Stages()));
    }

    private static Comparison compare(int field, Operator operator, Object value) {
        return new Comparison(field, operator, value, Mode.DEFAULT);
    }

    @Test
    void anIdDeclaredObjectIdIsComparedAsAnObjectIdAlsoInLists() {
        assertThat(render(CUSTOMER, compare(ID, Operator.EQUALS, "65a1b2c3d4e5f60718293a4b")))
                .isEqualTo("{\"_id\": {\"$oid\": \"65a1b2c3d4e5f60718293a4b\"}}");
        assertThat(render(CUSTOMER, compare(ID, Operator.IN, List.of("65a1b2c3d4e5f60718293a4b"))))
                .isEqualTo("{\"_id\": {\"$in\": [{\"$oid\": \"65a1b2c3d4e5f60718293a4b\"}]}}");
    }

    @Test
    void anIdThatIsNoObjectIdIsAnInvalidQueryNamingTheField() {
        assertThatThrownBy(() -> render(CUSTOMER, compare(ID, Operator.EQUALS, "not-an-id")))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("Customer.id")
                .hasMessageContaining("24 hexadecimal digits");
    }

    @Test
    void operatorsAsValuesAreStringsAndNotMatchesNoMissingValue() {
        assertThat(render(CUSTOMER, compare(NAME, Operator.EQUALS, "$gt")))
                .isEqualTo("{\"name\": \"$gt\"}");
        assertThat(render(CUSTOMER, compare(NAME, Operator.NOT, "Ann")))
                .isEqualTo("{\"name\": {\"$nin\": [\"Ann\", null]}}");
        assertThat(render(CUSTOMER, compare(NAME, Operator.NOT_IN, List.of()))).isEqualTo("{}");
        assertThat(render(CUSTOMER, compare(NAME, Operator.IN, List.of())))
                .isEqualTo("{\"name\": {\"$in\": []}}");
    }

    @Test
    void patternsEscapeEveryMetacharacterAndInsensitiveAddsTheOption() {
        assertThat(render(CUSTOMER, compare(NAME, Operator.CONTAINS, "a.b*(c)$")))
                .isEqualTo("{\"name\": {\"$regex\": \"a\\\\.b\\\\*\\\\(c\\\\)\\\\$\"}}");
        assertThat(render(CUSTOMER, new Comparison(NAME, Operator.STARTS_WITH, "Ab", Mode.INSENSITIVE)))
                .isEqualTo("{\"name\": {\"$regex\": \"^Ab\", \"$options\": \"i\"}}");
        assertThat(render(CUSTOMER, compare(NAME, Operator.ENDS_WITH, "z")))
                .isEqualTo("{\"name\": {\"$regex\": \"z\\\\z\"}}");
        assertThat(render(CUSTOMER, new Comparison(NAME, Operator.EQUALS, "a+b", Mode.INSENSITIVE)))
                .isEqualTo("{\"name\": {\"$regex\": \"^a\\\\+b\\\\z\", \"$options\": \"i\"}}");
    }

    @Test
    void valuesAreEncodedInTheFieldsStoredTypeAsCanonicalJsonShows() {
        JsonWriterSettings canonical = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
        FilterRenderer.Stages none = new FilterRenderer.Stages();
        assertThat(renderer.render(CUSTOMER, compare(KARMA, Operator.GT, 5L), none).toJson(canonical))
                .isEqualTo("{\"karma\": {\"$gt\": {\"$numberLong\": \"5\"}}}");
        assertThat(renderer.render(ORDER, compare(1, Operator.EQUALS, 5), none).toJson(canonical))
                .isEqualTo("{\"number\": {\"$numberInt\": \"5\"}}");
        assertThat(renderer.render(CUSTOMER, compare(SCORE, Operator.LTE, 2.5), none).toJson(canonical))
                .isEqualTo("{\"score\": {\"$lte\": {\"$numberDouble\": \"2.5\"}}}");
        assertThat(renderer.render(CUSTOMER, compare(6, Operator.GTE, new java.math.BigDecimal("1.10")), none)
                .toJson(canonical)).isEqualTo("{\"balance\": {\"$gte\": {\"$numberDecimal\": \"1.10\"}}}");
        assertThat(renderer.render(CUSTOMER, compare(7, Operator.LT, java.time.Instant.ofEpochMilli(1_000)), none)
                .toJson(canonical)).isEqualTo("{\"born\": {\"$lt\": {\"$date\": {\"$numberLong\": \"1000\"}}}}");
        assertThat(renderer.render(ORDER, compare(6, Operator.EQUALS, "65a1b2c3d4e5f60718293a4b"), none)
                .toJson(canonical)).isEqualTo("{\"customerId\": {\"$oid\": \"65a1b2c3d4e5f60718293a4b\"}}");
    }

    @Test
    void logicEmptyAndMatchesAllEmptyOrMatchesNoneAndNotIsNor() {
        assertThat(render(CUSTOMER, Filter.ALL)).isEqualTo("{}");
        assertThat(render(CUSTOMER, new Filter.Or(List.of()))).isEqualTo("{\"_id\": {\"$in\": []}}");
        assertThat(render(CUSTOMER, new Filter.Not(compare(NAME, Operator.EQUALS, "x"))))
                .isEqualTo("{\"$and\": [{\"name\": {\"$ne\": null}}, {\"$nor\": [{\"name\": \"x\"}]}]}");
        assertThat(render(CUSTOMER, new Filter.Not(new Filter.Or(List.of(new Filter.IsNull(SCORE, true),
                new Filter.Not(compare(NAME, Operator.EQUALS, "x")))))))
                .isEqualTo("{\"$and\": [{\"score\": {\"$ne\": null}}, {\"name\": \"x\"}]}");
        assertThat(render(CUSTOMER, compare(PROFILE, Operator.NOT_IN, List.of(Json.of(1)))))
                .isEqualTo("{\"$and\": [{\"profile\": {\"$exists\": true}}, {\"profile\": {\"$nin\": [1]}}]}");
        assertThat(render(CUSTOMER, new Filter.IsNull(SCORE, true))).isEqualTo("{\"score\": null}");
    }

    @Test
    void scalarListsUseArrayOperators() {
        assertThat(render(CUSTOMER, compare(TAGS, Operator.HAS, "vip")))
                .isEqualTo("{\"tags\": {\"$elemMatch\": {\"$eq\": \"vip\"}}}");
        assertThat(render(CUSTOMER, compare(TAGS, Operator.HAS_EVERY, List.of("a", "b"))))
                .isEqualTo("{\"tags\": {\"$all\": [\"a\", \"b\"]}}");
        assertThat(render(CUSTOMER, compare(TAGS, Operator.HAS_SOME, List.of("a"))))
                .isEqualTo("{\"tags\": {\"$in\": [\"a\"]}}");
        assertThat(render(CUSTOMER, new Comparison(TAGS, Operator.IS_EMPTY, null, Mode.DEFAULT)))
                .isEqualTo("{\"tags\": {\"$size\": 0}}");
        assertThat(render(CUSTOMER, compare(TAGS, Operator.EQUALS, List.of("a", "b"))))
                .isEqualTo("{\"tags\": {\"$eq\": [\"a\", \"b\"]}}");
    }

    @Test
    void fieldsAreComparedWithExprAndBothMustHoldAValue() {
        assertThat(render(CUSTOMER, new Filter.FieldComparison(NAME, Operator.GT, EMAIL)))
                .isEqualTo("{\"$and\": [{\"name\": {\"$ne\": null}}, {\"email\": {\"$ne\": null}},"
                        + " {\"$expr\": {\"$gt\": [\"$name\", \"$email\"]}}]}");
    }

    @Test
    void jsonPathsAreDottedWhereSafeAndReadLiterallyWhereNot() {
        assertThat(render(CUSTOMER, new Filter.JsonPath(PROFILE, List.of("langs", "0"), Filter.JsonOperator.EQUALS,
                Json.of("en")))).isEqualTo("{\"$and\": [{\"profile.langs.0\": {\"$eq\": \"en\"}},"
                        + " {\"profile.langs.0\": {\"$not\": {\"$type\": \"array\"}}}]}");
        assertThat(render(CUSTOMER, new Filter.JsonPath(PROFILE, List.of("a.b"), Filter.JsonOperator.EQUALS,
                Json.of(1)))).isEqualTo("{\"$expr\": {\"$eq\": [{\"$getField\": {\"field\": {\"$literal\": \"a.b\"},"
                        + " \"input\": \"$profile\"}}, {\"$literal\": 1}]}}");
        assertThat(render(CUSTOMER, new Filter.JsonPath(PROFILE, List.of("$where"), Filter.JsonOperator.STRING_CONTAINS,
                "x"))).contains("$regexMatch").contains("{\"$literal\": \"$where\"}");
    }

    @Test
    void compositeValuesAreFilteredUnderTheirPathAndListsWithElemMatchToAnyDepth() {
        Filter inZurich = compare(1, Operator.EQUALS, "Zurich");
        assertThat(render(CUSTOMER, new Filter.Embedded(ADDRESS, Quantifier.IS, inZurich)))
                .isEqualTo("{\"$and\": [{\"address\": {\"$type\": \"object\"}}, {\"address.city\": \"Zurich\"}]}");
        Filter north = new Filter.Embedded(2, Quantifier.IS, compare(0, Operator.GT, 47.0));
        assertThat(render(CUSTOMER, new Filter.Embedded(ADDRESS, Quantifier.IS, north)))
                .contains("{\"address.geo.lat\": {\"$gt\": 47.0}}");
        Filter many = compare(1, Operator.GTE, 2);
        assertThat(render(ORDER, new Filter.Embedded(LINES, Quantifier.SOME, many)))
                .isEqualTo("{\"lines\": {\"$elemMatch\": {\"quantity\": {\"$gte\": 2}}}}");
        assertThat(render(ORDER, new Filter.Embedded(LINES, Quantifier.NONE, many)))
                .isEqualTo("{\"$nor\": [{\"lines\": {\"$elemMatch\": {\"quantity\": {\"$gte\": 2}}}}]}");
        assertThat(render(ORDER, new Filter.Embedded(LINES, Quantifier.EVERY, many)))
                .isEqualTo("{\"$nor\": [{\"lines\": {\"$elemMatch\": {\"$and\": [{\"quantity\": {\"$ne\": null}},"
                        + " {\"$nor\": [{\"quantity\": {\"$gte\": 2}}]}]}}}]}");
        assertThat(render(CUSTOMER, compare(ADDRESS, Operator.EQUALS, Row.of("S", "Z", null))))
                .isEqualTo("{\"address\": {\"$eq\": {\"street\": \"S\", \"city\": \"Z\"}}}");
    }

    @Test
    void relationFiltersLookTheRelatedRecordsUpFirst() {
        FilterRenderer.Stages stages = new FilterRenderer.Stages();
        BsonDocument match = renderer.render(CUSTOMER, new Filter.Related(ORDERS, Quantifier.SOME,
                compare(1, Operator.GT, 2)), stages);
        assertThat(json(match)).isEqualTo("{\"__refract_r0\": {\"$elemMatch\": {\"number\": {\"$gt\": 2}}}}");
        assertThat(stages.list()).hasSize(1);
        assertThat(json(stages.list().get(0))).isEqualTo("{\"$lookup\": {\"from\": \"Order\", \"localField\": \"_id\","
                + " \"foreignField\": \"customerId\", \"as\": \"__refract_r0\"}}");
        assertThat(render(CUSTOMER, new Filter.Related(ORDERS, Quantifier.EVERY, compare(1, Operator.GT, 2))))
                .isEqualTo("{\"$nor\": [{\"__refract_r0\": {\"$elemMatch\": {\"$and\": [{\"number\": {\"$ne\": null}},"
                        + " {\"$nor\": [{\"number\": {\"$gt\": 2}}]}]}}}]}");
    }

    @Test
    void onAJsonFieldOnlyAMissingKeyIsNoValueAsBsonNullThereIsTheJsonNullValue() {
        assertThat(render(CUSTOMER, new Filter.IsNull(PROFILE, true))).isEqualTo("{\"profile\": {\"$exists\": false}}");
        assertThat(render(CUSTOMER, new Filter.IsNull(PROFILE, false))).isEqualTo("{\"profile\": {\"$exists\": true}}");
        assertThat(render(CUSTOMER, compare(PROFILE, Operator.EQUALS, Json.parse("null"))))
                .isEqualTo("{\"$and\": [{\"profile\": {\"$exists\": true}}, {\"profile\": {\"$eq\": null}}]}");
        assertThat(render(CUSTOMER, compare(PROFILE, Operator.NOT, Json.of(1))))
                .isEqualTo("{\"$and\": [{\"profile\": {\"$exists\": true}}, {\"$nor\": [{\"profile\": {\"$eq\": 1}}]}]}");
        assertThat(render(CUSTOMER, compare(PROFILE, Operator.NOT_IN, List.of(Json.of(1)))))
                .isEqualTo("{\"$and\": [{\"profile\": {\"$exists\": true}}, {\"profile\": {\"$nin\": [1]}}]}");
        assertThat(render(CUSTOMER, new Filter.IsNull(SCORE, true))).isEqualTo("{\"score\": null}");
    }
}
