package dev.refract.maven.db;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code refract-db:resolve}: {@code refract migrate resolve}, marking a failed migration rolled back
 * ({@code rolledBack}) so that deploy applies it again, or a migration applied ({@code applied})
 * after finishing it by hand. Exactly one of the two is given.
 */
@Mojo(name = "resolve", requiresProject = true, threadSafe = true)
public final class ResolveMojo extends AbstractCommandMojo {

    /** The failed migration to mark rolled back. */
    @Parameter(property = "refract.rolledBack")
    private String rolledBack;

    /** The migration to record as applied. */
    @Parameter(property = "refract.applied")
    private String applied;

    @Override
    void check() throws MojoFailureException {
        if ((rolledBack == null) == (applied == null)) {
            throw new MojoFailureException("refract-db:resolve needs exactly one of rolledBack and applied"
                    + " (-Drefract.rolledBack=NAME or -Drefract.applied=NAME)");
        }
    }

    @Override
    List<String> command() {
        return rolledBack != null ? List.of("migrate", "resolve", "--rolled-back", rolledBack)
                : List.of("migrate", "resolve", "--applied", applied);
    }

    void setRolledBack(String rolledBack) {
        this.rolledBack = rolledBack;
    }

    void setApplied(String applied) {
        this.applied = applied;
    }
}
