package dev.refract.r2dbc.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.r2dbc.sql.Bind;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryLogTest {

    private static final List<Bind> BINDS = List.of(Bind.of("secret@example.com"), Bind.nullOf(Long.class),
            Bind.of(new byte[] {1, 2, 3}));

    @Test
    void hidesParameterValuesByDefault() {
        String shown = new QueryLog("db", false).parameters(BINDS);
        assertThat(shown).isEqualTo("[3 hidden]").doesNotContain("secret");
    }

    @Test
    void showsParameterValuesWhenAskedWithoutDumpingBytes() {
        assertThat(new QueryLog("db", true).parameters(BINDS)).isEqualTo("[secret@example.com, null, <3 bytes>]");
    }
}
