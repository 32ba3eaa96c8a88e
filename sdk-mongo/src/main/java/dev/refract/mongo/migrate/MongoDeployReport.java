package dev.refract.mongo.migrate;

import java.util.List;

/**
 * What a deploy applied.
 *
 * @param datasource the datasource's name
 * @param applied    the directory names of the migrations this run applied, in order; empty when up to date
 */
public record MongoDeployReport(String datasource, List<String> applied) {

    public MongoDeployReport {
        applied = List.copyOf(applied);
    }
}
