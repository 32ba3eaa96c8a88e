package dev.refract.r2dbc.migrate.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.meta.SchemaMeta;
import dev.refract.r2dbc.ddl.GeneratedSchemaMeta;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RenamesTest {

    private static final String STEPS = "sdk-r2dbc/src/test/resources/migrations/evolution/";

    @Test
    void aModelOrFieldThatKeepsItsNameButNotItsDatabaseNameIsARename() {
        SchemaMeta before = GeneratedSchemaMeta.of(STEPS + "04-add-required-field-with-default.prisma");
        SchemaMeta after = GeneratedSchemaMeta.of(STEPS + "05-rename-by-map.prisma");

        Renames renames = Renames.between(before, after, 0);

        assertThat(renames.tables()).isEqualTo(Map.of("posts", "Post"));
        assertThat(renames.columns()).isEqualTo(Map.of("User", Map.of("display_name", "name"),
                "posts", Map.of("headline", "title")));
        assertThat(Renames.between(after, after, 0)).isEqualTo(Renames.NONE);
    }
}
