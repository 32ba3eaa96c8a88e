package dev.refract.maven.db;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code refract-db:reset}: {@code refract migrate reset}, dropping everything of each datasource's
 * development database and applying every migration again. A build has no terminal to ask on, so the
 * goal refuses unless {@code force} is set.
 */
@Mojo(name = "reset", requiresProject = true, threadSafe = true)
public final class ResetMojo extends AbstractCommandMojo {

    /** Reset without asking; without it the goal fails, as nobody can answer the question. */
    @Parameter(property = "refract.force", defaultValue = "false")
    private boolean force;

    @Override
    List<String> command() {
        List<String> command = new ArrayList<>(List.of("migrate", "reset"));
        if (force) {
            command.add("--force");
        }
        return command;
    }

    void setForce(boolean force) {
        this.force = force;
    }
}
