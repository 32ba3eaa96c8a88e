package com.example.pipeline;

import com.example.pipeline.db.RefractClientMetadata;
import com.example.pipeline.servers.DatasourceServers;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/**
 * Runs the AI content pipeline example: {@code DATABASE_URL}, {@code MONGODB_URL} and {@code REDIS_URL}
 * name the servers to use; each one not set gets an embedded server for the run. Options:
 * {@code --migrations DIR} (default {@code migrations}) and {@code --export FILE} (default
 * {@code target/steps.ndjson}), both relative to the working directory.
 *
 * <p>Exits with 0 when every table is printed, 1 with a message on standard error otherwise, and 2 when
 * the arguments are not understood.
 */
public final class Main {

    private Main() {
    }

    /** Runs the example and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System::getenv, System.out, System.err));
    }

    /**
     * Runs the example: chooses the servers (starting embedded ones), runs {@link PipelineApp} and waits for
     * it, the only place that blocks, then stops the embedded servers.
     *
     * @param environment reads the URL variables
     * @return the exit status: 0 on success, 1 when the run failed, 2 for arguments not understood
     */
    public static int run(String[] args, Function<String, String> environment, PrintStream out, PrintStream err) {
        Path migrations = Path.of("migrations");
        Path export = Path.of("target", "steps.ndjson");
        for (int i = 0; i < args.length; i++) {
            boolean hasValue = i + 1 < args.length;
            if (args[i].equals("--migrations") && hasValue) {
                migrations = Path.of(args[++i]);
            } else if (args[i].equals("--export") && hasValue) {
                export = Path.of(args[++i]);
            } else {
                err.println("ai-pipeline: '" + args[i] + "' is not understood. Options: --migrations DIR (default"
                        + " migrations), --export FILE (default target/steps.ndjson).");
                return 2;
            }
        }
        try (DatasourceServers servers = DatasourceServers.choose(RefractClientMetadata.SCHEMA, environment)) {
            new PipelineApp(servers, migrations, export, Clock.systemUTC(), out).run().block();
            out.flush();
            return 0;
        } catch (RuntimeException e) {
            out.flush();
            err.println("ai-pipeline: " + message(e));
            return 1;
        }
    }

    private static String message(Throwable error) {
        Throwable shown = error;
        // block() wraps checked exceptions; show what failed, not the wrapper
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        return shown.getMessage() == null ? shown.getClass().getName() : shown.getMessage();
    }
}
