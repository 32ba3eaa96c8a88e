package dev.refract.r2dbc.migrate;

import dev.refract.r2dbc.sql.SqlScanner;
import dev.refract.r2dbc.sql.SqlScanner.Element;
import dev.refract.r2dbc.sql.SqlScanner.Syntax;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a migration script into the statements a driver can send one at a time. A semicolon ends a
 * statement unless it sits in a string literal, a quoted identifier, a comment or a dollar-quoted
 * body, as {@link SqlScanner} reads them. Comments and whitespace between statements are dropped,
 * and a piece holding nothing else (an empty statement, a trailing comment) is no statement.
 *
 * <p>PostgreSQL's SQL-standard function bodies ({@code BEGIN ATOMIC … END}) hold semicolons of
 * their own; the splitter keeps such a body whole, counting the {@code CASE … END} pairs inside it.
 * MySQL's {@code DELIMITER} is a command of the {@code mysql} client, not SQL: a stored program
 * with a compound body cannot be written in a migration script; a one-statement body can.
 */
public final class ScriptSplitter {

    private ScriptSplitter() {
    }

    /** The statements of {@code script} in order, numbered from 1. */
    public static List<ScriptStatement> split(String script, Syntax syntax) {
        List<ScriptStatement> statements = new ArrayList<>();
        SqlScanner scanner = new SqlScanner(script, syntax);
        int line = 1;
        int lineCounted = 0;
        int statementStart = -1;
        int statementLine = 0;
        int atomicDepth = 0;
        String previousWord = "";
        while (scanner.next()) {
            Element element = scanner.element();
            if (element == Element.WHITESPACE || element == Element.COMMENT) {
                continue;
            }
            if (element == Element.SYMBOL && scanner.first() == ';' && atomicDepth == 0) {
                if (statementStart >= 0) {
                    statements.add(new ScriptStatement(statements.size() + 1, statementLine,
                            script.substring(statementStart, scanner.start()).strip()));
                    statementStart = -1;
                }
                previousWord = "";
                continue;
            }
            if (statementStart < 0) {
                line += newlines(script, lineCounted, scanner.start());
                lineCounted = scanner.start();
                statementStart = scanner.start();
                statementLine = line;
            }
            if (element == Element.WORD && syntax == Syntax.POSTGRESQL) {
                String word = script.substring(scanner.start(), scanner.end());
                if (word.equalsIgnoreCase("ATOMIC") && previousWord.equalsIgnoreCase("BEGIN")) {
                    atomicDepth++;
                } else if (atomicDepth > 0 && word.equalsIgnoreCase("CASE")) {
                    atomicDepth++;
                } else if (atomicDepth > 0 && word.equalsIgnoreCase("END")) {
                    atomicDepth--;
                }
                previousWord = word;
            } else {
                previousWord = "";
            }
        }
        if (statementStart >= 0) {
            statements.add(new ScriptStatement(statements.size() + 1, statementLine,
                    script.substring(statementStart).strip()));
        }
        return List.copyOf(statements);
    }

    private static int newlines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }
}
