package dev.refract.mongo.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** Which read pipelines run as a find. */
class FindFormTest {

    private static BsonDocument stage(String json) {
        return BsonDocument.parse(json);
    }

    @Test
    void matchSortSkipLimitAndProjectBecomeAFindWithMatchesJoined() {
        FindForm find = FindForm.of(List.of(stage("{$match: {a: 1}}"), stage("{$match: {b: 2}}"),
                stage("{$sort: {a: 1}}"), stage("{$skip: 3}"), stage("{$limit: 4}"), stage("{$project: {a: 1}}")));

        assertThat(find.filter().toJson()).isEqualTo("{\"$and\": [{\"a\": 1}, {\"b\": 2}]}");
        assertThat(find.sort().toJson()).isEqualTo("{\"a\": 1}");
        assertThat(find.skip()).isEqualTo(3);
        assertThat(find.limit()).isEqualTo(4);
        assertThat(find.projection().toJson()).isEqualTo("{\"a\": 1}");
    }

    @Test
    void lookupsGroupsAndStagesOutOfOrderStayPipelines() {
        assertThat(FindForm.of(List.of(stage("{$lookup: {from: 'x'}}"), stage("{$match: {a: 1}}")))).isNull();
        assertThat(FindForm.of(List.of(stage("{$sort: {a: 1}}"), stage("{$match: {a: 1}}")))).isNull();
        assertThat(FindForm.of(List.of(stage("{$sort: {a: 1}}"), stage("{$sort: {b: 1}}")))).isNull();
        assertThat(FindForm.of(List.of(stage("{$group: {_id: 1}}")))).isNull();
        assertThat(FindForm.of(List.of()).filter().isEmpty()).isTrue();
    }
}
