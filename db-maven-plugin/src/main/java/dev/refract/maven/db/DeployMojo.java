package dev.refract.maven.db;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/** {@code refract-db:deploy}: {@code refract migrate deploy}, applying the pending migrations of each datasource. */
@Mojo(name = "deploy", requiresProject = true, threadSafe = true)
public final class DeployMojo extends AbstractCommandMojo {

    @Override
    List<String> command() {
        return List.of("migrate", "deploy");
    }
}
