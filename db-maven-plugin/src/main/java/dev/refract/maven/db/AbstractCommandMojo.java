package dev.refract.maven.db;

import dev.refract.cli.RefractCli;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import picocli.CommandLine;

/**
 * A goal that runs one database command of the {@code refract} command line in the build, with the
 * same options and the same behaviour: what it prints goes to the build's log, and a command that
 * fails (or, for status, finds a database not up to date) fails the build.
 */
abstract class AbstractCommandMojo extends AbstractMojo {

    /** The schema file; migrations are in {@code migrations/} beside it. */
    @Parameter(property = "refract.schema", defaultValue = "${project.basedir}/schema.prisma", required = true)
    private File schema;

    /** Work on this datasource only; by default on every relational and MongoDB datasource of the schema. */
    @Parameter(property = "refract.datasource")
    private String datasource;

    /**
     * The URL of the database (R2DBC, or a MongoDB connection string), instead of the schema's (with
     * {@code datasource} when there are several).
     */
    @Parameter(property = "refract.url")
    private String url;

    /** Skips the goal. */
    @Parameter(property = "refract.db.skip", defaultValue = "false")
    private boolean skip;

    /** The command and its own options, e.g. {@code migrate deploy}. */
    abstract List<String> command();

    /** Refuses parameters the command cannot take together, before it runs. */
    void check() throws MojoFailureException {
    }

    @Override
    public final void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("refract " + String.join(" ", command()) + " skipped (refract.db.skip)");
            return;
        }
        check();
        List<String> arguments = new ArrayList<>(command());
        arguments.add("--schema");
        arguments.add(schema.getAbsolutePath());
        if (datasource != null) {
            arguments.add("--datasource");
            arguments.add(datasource);
        }
        if (url != null) {
            arguments.add("--url");
            arguments.add(url);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = RefractCli.commandLine(schema.getAbsoluteFile().getParentFile().toPath());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(arguments.toArray(String[]::new));
        out.toString().lines().forEach(getLog()::info);
        List<String> errors = err.toString().lines().toList();
        errors.forEach(exit == 0 ? getLog()::warn : getLog()::error);
        if (exit != 0) {
            String reason = errors.isEmpty() ? "see the log above" : errors.get(errors.size() - 1);
            throw new MojoFailureException("refract " + String.join(" ", command()) + " failed (exit " + exit + "): "
                    + reason);
        }
    }

    void setSchema(File schema) {
        this.schema = schema;
    }

    void setDatasource(String datasource) {
        this.datasource = datasource;
    }

    void setUrl(String url) {
        this.url = url;
    }
}
