package com.example.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example as the README runs it: {@link Main} with no URL set, and with a URL where no server answers. */
class MainIT {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void withoutAnyUrlItStartsEmbeddedServersAndPrintsEveryTable() {
        int status = run(Map.of(), "--export", directory.resolve("steps.ndjson").toString());

        String printed = printed();
        assertThat(status).as("exit status; standard error: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains(
                "db (postgresql): embedded server (DATABASE_URL not set), r2dbc:postgresql://",
                "docs (mongodb): embedded server (MONGODB_URL not set), mongodb://",
                "cache (redis): embedded server (REDIS_URL not set), redis://",
                "Failed runs of the last 24 hours, with their steps in order",
                "video-production     1        4.20",
                "Streamed export of all steps: 17 written to",
                "video-production  seed-run-video-1    COMPLETED  AI automation explained              video       ada",
                "after 2nd look-up  blog-post (COMPLETED)     1       1");
    }

    @Test
    void aUrlWhereNoServerAnswersIsNamedAndTheExitStatusIsOne() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int status = run(Map.of("DATABASE_URL", "r2dbc:postgresql://postgres:secret@127.0.0.1:" + closedPort + "/app"),
                "--export", directory.resolve("steps.ndjson").toString());

        assertThat(status).isEqualTo(1);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).contains("ai-pipeline: datasource 'db' (postgresql) cannot be reached at"
                + " r2dbc:postgresql://postgres:", "unset DATABASE_URL to use an embedded server");
        assertThat(message).as("the password is never shown").doesNotContain("secret");
    }

    @Test
    void anArgumentNotUnderstoodIsNamedAndTheExitStatusIsTwo() {
        int status = run(Map.of(), "--verbose");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'--verbose' is not understood", "--export FILE");
    }

    private int run(Map<String, String> environment, String... args) {
        return Main.run(args, environment::get, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
