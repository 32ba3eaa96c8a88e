package dev.refract.test.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fault proxy in front of a loopback echo server: forwarding, stalling, resuming and dropping. */
class FaultProxyTest {

    private ServerSocket echo;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::echoEveryConnection, "echo-server");
        acceptor.setDaemon(true);
        acceptor.start();
        proxy = FaultProxy.start(echo.getInetAddress().getHostAddress(), echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsBytesBothWays() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "ping")).isEqualTo("ping");
            assertThat(roundTrip(client, "pong")).isEqualTo("pong");
        }
    }

    @Test
    void stalledProxyHoldsBytesBackUntilResumed() throws IOException {
        try (Socket client = connect()) {
            assertThat(roundTrip(client, "before")).isEqualTo("before");
            proxy.stall();
            assertThat(proxy.stalled()).isTrue();
            send(client, "held");
            client.setSoTimeout(300);
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(proxy.openConnections()).as("the sockets stay open while stalled").isEqualTo(1);

            proxy.resume();
            client.setSoTimeout(5_000);
            assertThat(read(client, 4)).isEqualTo("held");
        }
    }

    @Test
    void connectionMadeWhileStalledIsForwardedOnceResumed() throws IOException {
        proxy.stall();
        try (Socket client = connect()) {
            send(client, "late");
            client.setSoTimeout(300);
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            proxy.resume();
            client.setSoTimeout(5_000);
            assertThat(read(client, 4)).isEqualTo("late");
        }
    }

    @Test
    void droppedConnectionsAreResetAndNewOnesAreForwarded() throws Exception {
        try (Socket first = connect(); Socket second = connect()) {
            roundTrip(first, "a");
            roundTrip(second, "b");
            assertThat(proxy.dropConnections()).isEqualTo(2);
            assertThat(proxy.openConnections()).isZero();
            first.setSoTimeout(5_000);
            assertThatThrownBy(() -> {
                // a reset shows on the read, or on the first write after it
                send(first, "after");
                if (first.getInputStream().read() < 0) {
                    throw new SocketException("closed");
                }
            }).isInstanceOf(IOException.class);
        }
        try (Socket again = connect()) {
            assertThat(roundTrip(again, "again")).isEqualTo("again");
        }
    }

    @Test
    void droppingWhileStalledEndsTheHeldConnections() throws IOException {
        try (Socket client = connect()) {
            roundTrip(client, "x");
            proxy.stall();
            send(client, "held");
            assertThat(proxy.dropConnections()).isEqualTo(1);
            client.setSoTimeout(5_000);
            assertThatThrownBy(() -> {
                if (client.getInputStream().read() < 0) {
                    throw new SocketException("closed");
                }
            }).isInstanceOf(IOException.class);
        }
        proxy.resume();
        try (Socket again = connect()) {
            assertThat(roundTrip(again, "fresh")).isEqualTo("fresh");
        }
    }

    @Test
    void refusesAPortOutsideTheTcpRange() {
        assertThatThrownBy(() -> FaultProxy.start("127.0.0.1", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 and 65535");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(proxy.host(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        send(socket, text);
        return read(socket, text.length());
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String read(Socket socket, int length) throws IOException {
        byte[] bytes = socket.getInputStream().readNBytes(length);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private void echoEveryConnection() {
        while (!echo.isClosed()) {
            try {
                Socket connection = echo.accept();
                Thread thread = new Thread(() -> echoUntilClosed(connection), "echo");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void echoUntilClosed(Socket connection) {
        try (connection; InputStream in = connection.getInputStream(); OutputStream out = connection.getOutputStream()) {
            byte[] buffer = new byte[1024];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // the test ended the connection
        }
    }
}
