package dev.refract.r2dbc.ddl;

import java.util.List;

/**
 * What {@link DbPush} created.
 *
 * @param datasource the datasource's name in the schema
 * @param enumTypes  the enum types created
 * @param tables     the tables created
 * @param statements every statement run, in order
 */
public record PushReport(String datasource, List<String> enumTypes, List<String> tables, List<String> statements) {

    public PushReport {
        enumTypes = List.copyOf(enumTypes);
        tables = List.copyOf(tables);
        statements = List.copyOf(statements);
    }
}
