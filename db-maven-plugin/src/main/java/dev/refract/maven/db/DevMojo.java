package dev.refract.maven.db;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code refract-db:dev}: {@code refract migrate dev --name NAME}, writing the difference between
 * the schema and the migrations as a new migration of each datasource and applying it to the
 * development database (only writing it with {@code createOnly}).
 */
@Mojo(name = "dev", requiresProject = true, threadSafe = true)
public final class DevMojo extends AbstractCommandMojo {

    /** What the migration does, in letters, digits, '_' and '-', e.g. {@code add_orders}. */
    @Parameter(property = "refract.name", required = true)
    private String name;

    /** Write the migration without applying it. */
    @Parameter(property = "refract.createOnly", defaultValue = "false")
    private boolean createOnly;

    /** Apply changes that drop data the database holds. */
    @Parameter(property = "refract.acceptDataLoss", defaultValue = "false")
    private boolean acceptDataLoss;

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(List.of("migrate", "dev", "--name", name));
        if (createOnly) {
            command.add("--create-only");
        }
        if (acceptDataLoss) {
            command.add("--accept-data-loss");
        }
        return command;
    }

    void setName(String name) {
        this.name = name;
    }

    void setCreateOnly(boolean createOnly) {
        this.createOnly = createOnly;
    }
}
