package dev.refract.maven.db;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code refract-db:push}: {@code refract db push}, bringing each datasource's database to the schema
 * without a migration history (for prototyping and test databases).
 */
@Mojo(name = "push", requiresProject = true, threadSafe = true)
public final class PushMojo extends AbstractCommandMojo {

    /** Apply changes that drop data the database holds. */
    @Parameter(property = "refract.acceptDataLoss", defaultValue = "false")
    private boolean acceptDataLoss;

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(List.of("db", "push"));
        if (acceptDataLoss) {
            command.add("--accept-data-loss");
        }
        return command;
    }
}
