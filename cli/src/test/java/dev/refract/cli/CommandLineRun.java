package dev.refract.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the {@code refract} command line in a directory as a user would, keeping what the last run
 * printed on standard output and standard error.
 */
public final class CommandLineRun {

    private final Path directory;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Runs in {@code directory}. */
    public CommandLineRun(Path directory) {
        this.directory = directory;
    }

    /** Runs {@code refract args} and returns its exit code. */
    public int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = RefractCli.commandLine(directory);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** What the last run printed on standard output. */
    public String out() {
        return out.toString();
    }

    /** What the last run printed on standard error. */
    public String err() {
        return err.toString();
    }

    /** The names of the tables JDBC finds in {@code catalog} / {@code schema} ({@code null}: any). */
    public static List<String> tables(Connection connection, String catalog, String schema) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet tables = connection.getMetaData().getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME"));
            }
        }
        return names;
    }
}
