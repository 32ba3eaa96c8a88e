package dev.refract.r2dbc.sql;

import static dev.refract.r2dbc.sql.RawSql.numberedPlaceholders;
import static dev.refract.r2dbc.sql.RawSql.questionMarkPlaceholders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refract.error.InvalidQueryException;
import org.junit.jupiter.api.Test;

class RawSqlTest {

    @Test
    void numberedPlaceholdersCountUpToTheHighestNumberUsed() {
        assertThat(numberedPlaceholders("SELECT 1")).isZero();
        assertThat(numberedPlaceholders("SELECT $1")).isEqualTo(1);
        assertThat(numberedPlaceholders("SELECT $1 WHERE a = $2 OR b = $1")).isEqualTo(2);
        assertThat(numberedPlaceholders("SELECT $2, $1")).isEqualTo(2);
        assertThat(numberedPlaceholders("SELECT $10")).isEqualTo(10);
        assertThat(numberedPlaceholders("SELECT $1::int+$2::text||$3")).isEqualTo(3);
        assertThat(numberedPlaceholders("UPDATE t SET a=$1,b=($2)")).isEqualTo(2);
    }

    @Test
    void dollarNumbersInsideStringLiteralsAreText() {
        assertThat(numberedPlaceholders("SELECT '$1'")).isZero();
        assertThat(numberedPlaceholders("SELECT 'it''s $1', $1")).isEqualTo(1);
        assertThat(numberedPlaceholders("SELECT '' , $1, ''''")).isEqualTo(1);
        assertThat(numberedPlaceholders("SELECT '\\', $1")).as("a backslash escapes nothing in a standard string")
                .isEqualTo(1);
        assertThat(numberedPlaceholders("SELECT U&'\\0041 $2', $1")).isEqualTo(1);
        assertThat(numberedPlaceholders("SELECT B'0101', X'1f', $1")).isEqualTo(1);
    }

    @Test
    void escapeStringsHonourBackslashes() {
        assertThat(numberedPlaceholders("SELECT E'\\' $1 ', $2")).as("\\' stays inside").isEqualTo(2);
        assertThat(numberedPlaceholders("SELECT e'a\\'b $5', $1")).isEqualTo(1);
        assertThat(numberedPlaceholders("SELECT E'\\\\', $1")).as("an escaped backslash ends before the quote")
                .isEqualTo(1);
        assertThat(numberedPlaceholders("SELECT name'x $3' FROM t WHERE a = $1"))
                .as("only a lone E opens an escape string").isEqualTo(1);
    }

    @Test
    void dollarNumbersInsideQuotedIdentifiersAreNames() {
        assertThat(numberedPlaceholders("SELECT \"$1\" FROM \"a\"\"$2\" WHERE x = $1")).isEqualTo(1);
    }

    @Test
    void dollarNumbersInsideCommentsAreIgnored() {
        assertThat(numberedPlaceholders("SELECT 1 -- $3\n, $1")).isEqualTo(1);
        assertThat(numberedPlaceholders("SELECT 1 -- $3")).isZero();
        assertThat(numberedPlaceholders("SELECT /* $4 */ $1")).isEqualTo(1);
        assertThat(numberedPlaceholders("SELECT /* outer /* $3 */ still $4 */ $1")).as("comments nest").isEqualTo(1);
        assertThat(numberedPlaceholders("SELECT '--', $1, '/*', $2")).isEqualTo(2);
    }

    @Test
    void dollarQuotedBodiesAreText() {
        assertThat(numberedPlaceholders("SELECT $$ $1 ' \" -- $$, $1")).isEqualTo(1);
        assertThat(numberedPlaceholders("DO $body$ BEGIN PERFORM $1; END $body$")).isZero();
        assertThat(numberedPlaceholders("SELECT $a$ $1 $b$ $2 $b$ $3 $a$, $1")).as("only the same tag closes")
                .isEqualTo(1);
        assertThat(numberedPlaceholders("SELECT $$ never closed $1")).isZero();
    }

    @Test
    void dollarsInsideWordsAreNotPlaceholders() {
        assertThat(numberedPlaceholders("SELECT price$1, a$b$ FROM t$2 WHERE x = $1")).isEqualTo(1);
        assertThat(numberedPlaceholders("SELECT é$2, $1")).isEqualTo(1);
    }

    @Test
    void questionMarksAreNoPostgresPlaceholders() {
        assertThat(numberedPlaceholders("SELECT doc ? 'key', doc ?| $1")).isEqualTo(1);
    }

    @Test
    void unterminatedLiteralsAndCommentsRunToTheEnd() {
        assertThat(numberedPlaceholders("SELECT 'open $1")).isZero();
        assertThat(numberedPlaceholders("SELECT \"open $1")).isZero();
        assertThat(numberedPlaceholders("SELECT /* open $1")).isZero();
        assertThat(numberedPlaceholders("SELECT $")).isZero();
        assertThat(numberedPlaceholders("")).isZero();
    }

    @Test
    void dollarZeroIsRefused() {
        assertThatThrownBy(() -> numberedPlaceholders("SELECT $0"))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("$0").hasMessageContaining("$1");
    }

    @Test
    void questionMarksCountOutsideLiteralsIdentifiersAndComments() {
        assertThat(questionMarkPlaceholders("SELECT ?, ?")).isEqualTo(2);
        assertThat(questionMarkPlaceholders("SELECT '?', \"?\", `?`, ?")).isEqualTo(1);
        assertThat(questionMarkPlaceholders("SELECT 'a\\'?', ?")).as("backslash escapes in MySQL strings")
                .isEqualTo(1);
        assertThat(questionMarkPlaceholders("SELECT 'a''?', \"b\"\"?\", `c``?`, ?")).isEqualTo(1);
        assertThat(questionMarkPlaceholders("SELECT ? # ?\n, ?")).isEqualTo(2);
        assertThat(questionMarkPlaceholders("SELECT ? -- ?\n, ?")).isEqualTo(2);
        assertThat(questionMarkPlaceholders("SELECT 1--?")).as("-- needs a space to start a comment").isEqualTo(1);
        assertThat(questionMarkPlaceholders("SELECT /* ? /* */ ?")).as("comments do not nest").isEqualTo(1);
        assertThat(questionMarkPlaceholders("SELECT $1, $$?$$")).as("no dollar quoting in MySQL").isEqualTo(1);
    }

    @Test
    void aCountMismatchNamesBothCounts() {
        assertThatThrownBy(() -> RawSql.checkArguments("SELECT $1, $2", 3, RawSql.Placeholders.NUMBERED))
                .isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("placeholders up to $2").hasMessageContaining("3 arguments were given");
        assertThatThrownBy(() -> RawSql.checkArguments("SELECT '$1'", 1, RawSql.Placeholders.NUMBERED))
                .hasMessageContaining("no placeholder").hasMessageContaining("1 argument was given");
        assertThatThrownBy(() -> RawSql.checkArguments("SELECT ?, ?", 1, RawSql.Placeholders.QUESTION_MARK))
                .hasMessageContaining("2 placeholders (?)").hasMessageContaining("1 argument was given");
    }

    @Test
    void matchingCountsPass() {
        assertThatCode(() -> RawSql.checkArguments("SELECT $1, $1, $2", 2, RawSql.Placeholders.NUMBERED))
                .doesNotThrowAnyException();
        assertThatCode(() -> RawSql.checkArguments("SELECT ?", 1, RawSql.Placeholders.QUESTION_MARK))
                .doesNotThrowAnyException();
        assertThatCode(() -> RawSql.checkArguments("SELECT 1", 0, RawSql.Placeholders.NUMBERED))
                .doesNotThrowAnyException();
    }
}
