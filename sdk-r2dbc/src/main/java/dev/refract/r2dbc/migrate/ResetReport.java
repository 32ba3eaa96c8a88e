package dev.refract.r2dbc.migrate;

import java.util.List;

/**
 * What a reset dropped and then applied again.
 *
 * @param dropped each object dropped, e.g. {@code table "User"}
 * @param deploy  the deploy that followed
 */
public record ResetReport(List<String> dropped, DeployReport deploy) {

    public ResetReport {
        dropped = List.copyOf(dropped);
    }
}
