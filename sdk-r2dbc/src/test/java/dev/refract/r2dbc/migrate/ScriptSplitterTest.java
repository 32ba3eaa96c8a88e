package dev.refract.r2dbc.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.r2dbc.sql.SqlScanner.Syntax;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

    private static List<String> postgres(String script) {
        return ScriptSplitter.split(script, Syntax.POSTGRESQL).stream().map(ScriptStatement::sql).toList();
    }

    private static List<String> mysql(String script) {
        return ScriptSplitter.split(script, Syntax.MYSQL).stream().map(ScriptStatement::sql).toList();
    }

    @Test
    void semicolonsEndStatementsAndEmptyOnesVanish() {
        assertThat(postgres("CREATE TABLE a (id int);\nCREATE TABLE b (id int);;\n ; ")).containsExactly(
                "CREATE TABLE a (id int)", "CREATE TABLE b (id int)");
        assertThat(postgres("SELECT 1")).as("the last statement needs no semicolon").containsExactly("SELECT 1");
        assertThat(postgres("")).isEmpty();
        assertThat(postgres("  \n-- only a comment;\n/* and; another */\n")).isEmpty();
    }

    @Test
    void postgresSemicolonsInsideLiteralsNamesAndCommentsStayInTheStatement() {
        assertThat(postgres("INSERT INTO t VALUES ('a;b', 'it''s; fine');SELECT 2")).containsExactly(
                "INSERT INTO t VALUES ('a;b', 'it''s; fine')", "SELECT 2");
        assertThat(postgres("INSERT INTO t VALUES (E'\\'; still inside', E'\\\\');SELECT 2")).containsExactly(
                "INSERT INTO t VALUES (E'\\'; still inside', E'\\\\')", "SELECT 2");
        assertThat(postgres("CREATE TABLE \"odd;name\" (\"x;\"\"y\" int);SELECT 2")).containsExactly(
                "CREATE TABLE \"odd;name\" (\"x;\"\"y\" int)", "SELECT 2");
        assertThat(postgres("SELECT 1 -- not the end;\n+ 1;SELECT /* a; /* nested; */ still; */ 2")).containsExactly(
                "SELECT 1 -- not the end;\n+ 1", "SELECT /* a; /* nested; */ still; */ 2");
        assertThat(postgres("SELECT 'x' ; SELECT '\\';' ; SELECT 3"))
                .as("a backslash escapes nothing in a standard string").containsExactly("SELECT 'x'",
                        "SELECT '\\'", "' ; SELECT 3");
    }

    @Test
    void dollarQuotedBodiesHoldTheirSemicolons() {
        String function = "CREATE FUNCTION f() RETURNS int AS $body$\nBEGIN\n  PERFORM 1; -- ;\n"
                + "  RETURN $$;$$::text::int;\nEND;\n$body$ LANGUAGE plpgsql";
        assertThat(postgres(function + ";\nSELECT f();")).containsExactly(function, "SELECT f()");
        assertThat(postgres("DO $$ BEGIN RAISE NOTICE 'a;'; END $$;SELECT 1")).containsExactly(
                "DO $$ BEGIN RAISE NOTICE 'a;'; END $$", "SELECT 1");
        assertThat(postgres("SELECT $a$ $b$; $b$ ; $a$;SELECT 2")).as("only the same tag closes")
                .containsExactly("SELECT $a$ $b$; $b$ ; $a$", "SELECT 2");
        assertThat(postgres("SELECT price$1; SELECT $1")).as("a dollar inside a word opens nothing")
                .containsExactly("SELECT price$1", "SELECT $1");
    }

    @Test
    void standardFunctionBodiesStayWhole() {
        String function = "CREATE FUNCTION grade(score int) RETURNS text LANGUAGE SQL\nBEGIN ATOMIC\n"
                + "  SELECT CASE WHEN score > 50 THEN 'pass' ELSE 'fail' END;\n  SELECT 'x';\nEND";
        assertThat(postgres(function + ";\nSELECT grade(60);BEGIN;COMMIT")).containsExactly(function,
                "SELECT grade(60)", "BEGIN", "COMMIT");
    }

    @Test
    void unterminatedLiteralsRunToTheEnd() {
        assertThat(postgres("SELECT 1; SELECT 'open; SELECT 3")).containsExactly("SELECT 1", "SELECT 'open; SELECT 3");
        assertThat(postgres("SELECT 1; SELECT $$ open; SELECT 3")).containsExactly("SELECT 1",
                "SELECT $$ open; SELECT 3");
    }

    @Test
    void mysqlSemicolonsInsideLiteralsNamesAndCommentsStayInTheStatement() {
        assertThat(mysql("INSERT INTO t VALUES ('a\\';b', \"c;\"\"d\");SELECT 2")).containsExactly(
                "INSERT INTO t VALUES ('a\\';b', \"c;\"\"d\")", "SELECT 2");
        assertThat(mysql("CREATE TABLE `odd;name` (`x;``y` INT);SELECT 2")).containsExactly(
                "CREATE TABLE `odd;name` (`x;``y` INT)", "SELECT 2");
        assertThat(mysql("SELECT 1 # not the end;\n, 2 -- nor this;\n;SELECT /* ; */ 3")).containsExactly(
                "SELECT 1 # not the end;\n, 2 -- nor this;", "SELECT /* ; */ 3");
        assertThat(mysql("SELECT 1--1;SELECT 2")).as("-- needs a space to start a comment").containsExactly(
                "SELECT 1--1", "SELECT 2");
        assertThat(mysql("SELECT /* a /* b */ 1; */ 2")).as("comments do not nest").containsExactly(
                "SELECT /* a /* b */ 1", "*/ 2");
        assertThat(mysql("SELECT $$;$$")).as("no dollar quoting in MySQL").containsExactly("SELECT $$", "$$");
    }

    @Test
    void statementsKnowTheirNumberAndLine() {
        List<ScriptStatement> statements = ScriptSplitter.split(
                "-- header\n\nCREATE TABLE a (\n  id int\n);\n/* two\nlines */ INSERT INTO a VALUES (1);\r\n\r\nSELECT 'x\ny'; SELECT 4",
                Syntax.POSTGRESQL);
        assertThat(statements).extracting(ScriptStatement::number).containsExactly(1, 2, 3, 4);
        assertThat(statements).extracting(ScriptStatement::line).containsExactly(3, 7, 9, 10);
    }
}
