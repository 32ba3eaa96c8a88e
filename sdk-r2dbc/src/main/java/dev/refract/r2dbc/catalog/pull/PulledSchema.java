package dev.refract.r2dbc.catalog.pull;

import java.util.List;

/**
 * What {@code db pull} wrote for one datasource.
 *
 * @param text    the models and enums in the schema language, unaligned (run the formatter over it)
 * @param models  the names of the models written, in table order
 * @param enums   the names of the enums written
 * @param skipped why each table left out was left out, one sentence a table
 */
public record PulledSchema(String text, List<String> models, List<String> enums, List<String> skipped) {

    public PulledSchema {
        models = List.copyOf(models);
        enums = List.copyOf(enums);
        skipped = List.copyOf(skipped);
    }
}
