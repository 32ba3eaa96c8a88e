package dev.refract.maven.db;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code refract-db:diff}: {@code refract migrate diff --from STATE --to STATE}, logging what takes
 * one state of a datasource's database to another (empty, schema, schema:FILE, migrations or
 * database) and changing nothing. With {@code failOnDifference}, a difference fails the build.
 */
@Mojo(name = "diff", requiresProject = true, threadSafe = true)
public final class DiffMojo extends AbstractCommandMojo {

    /** Where to start: empty, schema, schema:FILE, migrations or database. */
    @Parameter(property = "refract.from", required = true)
    private String from;

    /** Where to end: empty, schema, schema:FILE, migrations or database. */
    @Parameter(property = "refract.to", defaultValue = "schema")
    private String to = "schema";

    /** Fail the build when there is a difference (the command's {@code --exit-code}). */
    @Parameter(property = "refract.failOnDifference", defaultValue = "false")
    private boolean failOnDifference;

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(List.of("migrate", "diff", "--from", from, "--to", to));
        if (failOnDifference) {
            command.add("--exit-code");
        }
        return command;
    }

    void setFrom(String from) {
        this.from = from;
    }

    void setTo(String to) {
        this.to = to;
    }

    void setFailOnDifference(boolean failOnDifference) {
        this.failOnDifference = failOnDifference;
    }
}
