package dev.refract.redis.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@code redis-server} of a test's own on a free loopback port, without persistence, that the test
 * can stall ({@link #pause()}, {@code SIGSTOP}: the port still accepts connections, nothing answers)
 * and wake ({@link #resume()}); {@link #close()} ends it and removes its files.
 */
public final class LocalServer implements AutoCloseable {

    private final Path directory;
    private final Process process;
    private final int port;

    private LocalServer(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    /** True when {@code redis-server} is on the path. */
    public static boolean available() {
        return onPath("redis-server");
    }

    /** True when {@code command} is an executable file in a directory of the path. */
    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    /** Starts a server and waits until it answers {@code PING}. */
    public static LocalServer start() throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("redis-server");
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", directory.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("server.log").toFile())
                .start();
        LocalServer server = new LocalServer(directory, process, port);
        try {
            server.awaitPong();
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void awaitPong() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!answersPing()) {
            if (Instant.now().isAfter(deadline) || !process.isAlive()) {
                throw new IOException("redis-server on port " + port + " did not start; see its log in " + directory);
            }
            Thread.sleep(50);
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(5);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The server's URL for a datasource, with {@code parameters} (e.g. {@code prefix=a}) as its query. */
    public String url(String parameters) {
        return "redis://127.0.0.1:" + port + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    /** Stalls the server ({@code SIGSTOP}): connections are accepted by the system, and no command is answered. */
    public void pause() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a paused server go on ({@code SIGCONT}); it answers the commands sent meanwhile. */
    public void resume() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String which) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder(List.of("kill", which, Long.toString(process.pid()))).redirectErrorStream(true)
                .start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill " + which + " " + process.pid() + " failed: "
                    + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() {
        try {
            resume();
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // the temporary directory is left behind; nothing depends on it
        }
    }

    @Override
    public String toString() {
        return "LocalServer[127.0.0.1:" + port + " in " + directory + "]";
    }
}
