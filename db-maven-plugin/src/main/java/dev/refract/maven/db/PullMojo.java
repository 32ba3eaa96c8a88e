package dev.refract.maven.db;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code refract-db:pull}: {@code refract db pull}, writing the tables of an existing PostgreSQL or
 * MySQL database as the models of its datasource in the schema file.
 */
@Mojo(name = "pull", requiresProject = true, threadSafe = true)
public final class PullMojo extends AbstractCommandMojo {

    @Override
    List<String> command() {
        return List.of("db", "pull");
    }
}
