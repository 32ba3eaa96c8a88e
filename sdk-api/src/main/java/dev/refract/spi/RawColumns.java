package dev.refract.spi;

import dev.refract.error.InvalidQueryException;
import java.util.List;

/**
 * The labels of a raw read's columns, in order: each column's name or its {@code AS} alias. Labels
 * are distinct, as each becomes a key of the row's map.
 *
 * @param labels the labels, in column order
 */
public record RawColumns(List<String> labels) {

    /**
     * @throws InvalidQueryException when two columns share a label, naming it and their positions
     */
    public RawColumns {
        labels = List.copyOf(labels);
        for (int i = 0; i < labels.size(); i++) {
            int again = labels.subList(i + 1, labels.size()).indexOf(labels.get(i));
            if (again >= 0) {
                throw new InvalidQueryException(null, List.of(), "The raw query returns two columns labelled '"
                        + labels.get(i) + "' (columns " + (i + 1) + " and " + (i + 2 + again) + "): give each a label"
                        + " of its own with AS, since a row is read by its labels");
            }
        }
    }

    /** The number of columns. */
    public int size() {
        return labels.size();
    }
}
