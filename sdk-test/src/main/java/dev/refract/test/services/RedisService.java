package dev.refract.test.services;

import redis.embedded.RedisServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis server of this test run, chosen once per JVM: {@code REFRACT_TEST_REDIS_URL} if set;
 * else a local server on 127.0.0.1:6379 that answers {@code PING}; else an embedded Redis
 * started from Maven Central and stopped when the JVM exits.
 */
public final class RedisService {

    private RedisService() {
    }

    /**
     * The server for this JVM, resolved on first call.
     *
     * @throws IllegalStateException saying why when no server can be had
     */
    public static ServerEndpoint endpoint() {
        return Shared.SERVER.endpoint();
    }

    private static final class Shared {
        static final SharedServer SERVER = SharedServer.resolveOnce(resolver());
    }

    static ServiceResolver resolver() {
        return ServiceResolver.onStandardPort(ServerKind.REDIS, RedisService::localCandidates, RedisService::check,
                RedisService::startEmbedded);
    }

    static List<ServerEndpoint> localCandidates(int port) {
        return List.of(new ServerEndpoint(ServerKind.REDIS, ServerOrigin.LOCAL, "127.0.0.1", port, "", "", "0", ""));
    }

    /** Sends {@code AUTH} when the endpoint has a password, then {@code PING}, and expects {@code PONG}. */
    static void check(ServerEndpoint endpoint, Duration timeout) throws IOException {
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), millis);
            socket.setSoTimeout(millis);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            if (!endpoint.password().isEmpty()) {
                List<String> auth = new ArrayList<>(List.of("AUTH"));
                if (!endpoint.user().isEmpty()) {
                    auth.add(endpoint.user());
                }
                auth.add(endpoint.password());
                expect(out, in, auth, "+OK");
            }
            expect(out, in, List.of("PING"), "+PONG");
        }
    }

    static EmbeddedServer startEmbedded() throws IOException {
        int port = freePort();
        RedisServer redis = RedisServer.newRedisServer()
                .bind("127.0.0.1")
                .port(port)
                // a test server keeps nothing: no snapshot or append-only file left in the working directory
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        redis.start();
        ServerEndpoint endpoint = new ServerEndpoint(ServerKind.REDIS, ServerOrigin.EMBEDDED, "127.0.0.1", port,
                "", "", "0", "");
        return EmbeddedServer.of(endpoint, redis::stop);
    }

    private static void expect(OutputStream out, InputStream in, List<String> command, String expected)
            throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("*" + command.size() + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String argument : command) {
            byte[] bytes = argument.getBytes(StandardCharsets.UTF_8);
            request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            request.writeBytes(bytes);
            request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(request.toByteArray());
        out.flush();
        String reply = readLine(in);
        if (!reply.equals(expected)) {
            throw new IOException(command.get(0) + " was answered with '" + reply + "', not '" + expected + "'");
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int previous = -1;
        while (line.size() < 4096) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the server closed the connection without a reply");
            }
            if (previous == '\r' && next == '\n') {
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
            }
            line.write(next);
            previous = next;
        }
        throw new IOException("the reply is not Redis protocol");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
