package dev.refract.maven.db;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code refract-db:status}: {@code refract migrate status}; fails the build unless every
 * datasource's database is up to date with its migrations (nothing pending, failed, edited, missing
 * or drifted), which makes it a check for CI.
 */
@Mojo(name = "status", requiresProject = true, threadSafe = true)
public final class StatusMojo extends AbstractCommandMojo {

    @Override
    List<String> command() {
        return List.of("migrate", "status");
    }
}
