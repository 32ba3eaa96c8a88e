package dev.refract.r2dbc.migrate;

import java.util.List;

/**
 * What a deploy applied.
 *
 * @param datasource the datasource's name
 * @param applied    the directory names of the migrations this run applied, in order; empty when
 *                   the database was up to date
 */
public record DeployReport(String datasource, List<String> applied) {

    public DeployReport {
        applied = List.copyOf(applied);
    }
}
