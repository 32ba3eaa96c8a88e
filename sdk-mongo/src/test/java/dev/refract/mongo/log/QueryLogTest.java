package dev.refract.mongo.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** What a query event shows of a command. */
class QueryLogTest {

    private static final BsonDocument MATCH = BsonDocument.parse(
            "{$match: {email: {$eq: 'ada@example.com'}, tags: {$in: ['vip', '$secret']}}}");

    @Test
    void valuesAreHiddenAndKeysAndOperatorsKept() {
        String shown = new QueryLog("docs", false).shown(List.of(MATCH));

        assertThat(shown).isEqualTo("[{\"$match\": {\"email\": {\"$eq\": \"?\"}, \"tags\": {\"$in\": [\"?\", \"?\"]}}}]");
        assertThat(shown).doesNotContain("ada@example.com").doesNotContain("$secret");
    }

    @Test
    void valuesAreShownWhenAskedFor() {
        assertThat(new QueryLog("docs", true).shown(MATCH)).contains("ada@example.com");
    }
}
