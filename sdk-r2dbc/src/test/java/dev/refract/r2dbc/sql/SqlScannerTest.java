package dev.refract.r2dbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.r2dbc.sql.SqlScanner.Element;
import dev.refract.r2dbc.sql.SqlScanner.Syntax;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScannerTest {

    /** Each element as {@code KIND:text}, whitespace left out. */
    private static List<String> elements(String sql, Syntax syntax) {
        SqlScanner scanner = new SqlScanner(sql, syntax);
        List<String> elements = new ArrayList<>();
        while (scanner.next()) {
            if (scanner.element() != Element.WHITESPACE) {
                elements.add(scanner.element() + ":" + sql.substring(scanner.start(), scanner.end()));
            }
        }
        return elements;
    }

    @Test
    void postgresElementsCoverTheTextInOrder() {
        assertThat(elements("SELECT E'a\\'b', $1, \"x\"\"y\" -- c\n/* d /* e */ f */ $t$ g $t$;", Syntax.POSTGRESQL))
                .containsExactly("WORD:SELECT", "STRING:E'a\\'b'", "SYMBOL:,", "PARAMETER:$1", "SYMBOL:,",
                        "QUOTED_NAME:\"x\"\"y\"", "COMMENT:-- c\n", "COMMENT:/* d /* e */ f */",
                        "STRING:$t$ g $t$", "SYMBOL:;");
    }

    @Test
    void mysqlElementsCoverTheTextInOrder() {
        assertThat(elements("SELECT 'a\\'b', \"c\", `d``e` # f\n-- g\n1--2 ?;", Syntax.MYSQL))
                .containsExactly("WORD:SELECT", "STRING:'a\\'b'", "SYMBOL:,", "STRING:\"c\"", "SYMBOL:,",
                        "QUOTED_NAME:`d``e`", "COMMENT:# f\n", "COMMENT:-- g\n", "SYMBOL:1", "SYMBOL:-", "SYMBOL:-",
                        "SYMBOL:2", "SYMBOL:?", "SYMBOL:;");
    }

    @Test
    void theScannerStopsAtTheEndAndStaysThere() {
        SqlScanner scanner = new SqlScanner("x", Syntax.POSTGRESQL);
        assertThat(scanner.next()).isTrue();
        assertThat(scanner.next()).isFalse();
        assertThat(scanner.next()).isFalse();
        assertThat(new SqlScanner("", Syntax.MYSQL).next()).isFalse();
    }
}
