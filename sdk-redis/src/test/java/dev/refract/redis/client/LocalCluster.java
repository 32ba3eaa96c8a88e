package dev.refract.redis.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Redis Cluster of three masters on loopback ports, started from {@code redis-server} and joined
 * with {@code redis-cli --cluster create}; {@link #close()} stops the servers and removes their files.
 */
final class LocalCluster implements AutoCloseable {

    private final Path directory;
    private final List<Process> servers = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    private LocalCluster(Path directory) {
        this.directory = directory;
    }

    /** True when both {@code redis-server} and {@code redis-cli} are on the path. */
    static boolean available() {
        return LocalServer.available() && LocalServer.onPath("redis-cli");
    }

    /** Starts three masters and waits until the cluster says it is ok. */
    static LocalCluster start() throws IOException, InterruptedException {
        LocalCluster cluster = new LocalCluster(Files.createTempDirectory("redis-cluster"));
        try {
            for (int i = 0; i < 3; i++) {
                cluster.startServer(freePort());
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            for (int port : cluster.ports) {
                create.add("127.0.0.1:" + port);
            }
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            cluster.run(create);
            cluster.awaitOk();
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The cluster's URL for a datasource, listing its seed nodes. */
    String url(String prefix) {
        return "redis-cluster://127.0.0.1:" + ports.get(0) + ",127.0.0.1:" + ports.get(1) + "?prefix=" + prefix;
    }

    /** The ports of the masters. */
    List<Integer> ports() {
        return ports;
    }

    private void startServer(int port) throws IOException, InterruptedException {
        Process server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf", "--save", "",
                "--appendonly", "no", "--dir", directory.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("server-" + port + ".log").toFile())
                .start();
        servers.add(server);
        ports.add(port);
        Instant deadline = Instant.now().plusSeconds(10);
        while (!run(List.of("redis-cli", "-p", Integer.toString(port), "ping"), false).contains("PONG")) {
            if (Instant.now().isAfter(deadline) || !server.isAlive()) {
                throw new IOException("redis-server on port " + port + " did not start; see its log in " + directory);
            }
            Thread.sleep(50);
        }
    }

    private void awaitOk() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        for (int port : ports) {
            while (!run(List.of("redis-cli", "-p", Integer.toString(port), "cluster", "info"), false)
                    .contains("cluster_state:ok")) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("the cluster did not reach state ok within 20 s");
                }
                Thread.sleep(100);
            }
        }
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        return run(command, true);
    }

    private String run(List<String> command, boolean mustSucceed) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish");
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (mustSucceed && process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + text);
        }
        return text;
    }

    private static int freePort() throws IOException {
        // a cluster node also listens on its port + 10000, which must be free as well
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            if (port + 10_000 <= 65_535 && free(port + 10_000)) {
                return port;
            }
        }
        throw new IOException("no free pair of ports for a cluster node");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        for (Process server : servers) {
            server.destroy();
        }
        for (Process server : servers) {
            try {
                if (!server.waitFor(5, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // the temporary directory is left behind; nothing depends on it
        }
    }

    @Override
    public String toString() {
        return "LocalCluster" + ports + " in " + directory;
    }
}
