package dev.refract.r2dbc.migrate;

import java.util.List;

/**
 * Whether the database's schema still is what its applied migrations made it, as a
 * {@link DriftCheck} found.
 */
public sealed interface Drift {

    /** No drift check was given, so nothing is known. */
    record NotChecked() implements Drift {
    }

    /** The database matches its migration history. */
    record None() implements Drift {
    }

    /**
     * The database differs from what its migration history makes.
     *
     * @param differences each difference, in words, e.g. {@code column "User"."nickname" is not in the history}
     */
    record Found(List<String> differences) implements Drift {
        public Found {
            differences = List.copyOf(differences);
        }
    }
}
