package dev.refract.r2dbc.ddl;

import java.util.List;

/**
 * The data definition statements of one datasource, in the order they must run: enum types,
 * tables, indexes, then foreign keys.
 *
 * @param enumTypes  the names of the enum types the script creates
 * @param tables     the names of the tables the script creates, implicit many-to-many join tables included
 * @param statements the statements, without trailing semicolons
 */
public record DdlScript(List<String> enumTypes, List<String> tables, List<String> statements) {

    public DdlScript {
        enumTypes = List.copyOf(enumTypes);
        tables = List.copyOf(tables);
        statements = List.copyOf(statements);
    }

    /** The script as one text, each statement ended by a semicolon and a blank line. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (String statement : statements) {
            text.append(statement).append(";\n\n");
        }
        return text.toString();
    }
}
