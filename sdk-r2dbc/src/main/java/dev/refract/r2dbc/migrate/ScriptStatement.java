package dev.refract.r2dbc.migrate;

/**
 * One statement of a migration script, as {@link ScriptSplitter} cut it out.
 *
 * @param number the statement's position in the script, from 1
 * @param line   the line of the script the statement starts on, from 1
 * @param sql    the statement's text without the semicolon that ended it; comments inside it are kept
 */
public record ScriptStatement(int number, int line, String sql) {
}
