package dev.refract.test.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on the loopback interface in front of one server, for tests that inject network faults
 * between a client and that server. Point the client at {@link #port()} on {@link #host()}; each
 * connection accepted is forwarded to the server over a connection of its own.
 *
 * <ul>
 *   <li>{@link #stall()} stops forwarding in both directions, on open and new connections alike; the
 *       sockets stay open, so both ends wait as they would on a server that stopped answering.</li>
 *   <li>{@link #resume()} forwards again, including what was held back while stalled.</li>
 *   <li>{@link #dropConnections()} resets every open connection (TCP RST) on both sides; connections
 *       made afterwards are forwarded as usual.</li>
 * </ul>
 *
 * <p>Test support, not a production component: two platform threads per connection, blocking sockets.
 * {@link #close()} drops every connection and stops accepting.
 */
public final class FaultProxy implements AutoCloseable {

    private static final int BUFFER = 16 * 1024;

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();
    private final Object gate = new Object();
    private boolean stalled;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
    }

    /**
     * A proxy forwarding to {@code host}:{@code port}, listening on a free loopback port.
     *
     * @throws UncheckedIOException when no port can be bound
     */
    public static FaultProxy start(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the port of the server behind the proxy must lie between 1 and"
                    + " 65535, was " + port);
        }
        ServerSocket listener;
        try {
            listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on a loopback port for the fault proxy", e);
        }
        FaultProxy proxy = new FaultProxy(new InetSocketAddress(host, port), listener);
        daemon("fault-proxy-accept-" + listener.getLocalPort(), proxy::accept).start();
        return proxy;
    }

    /** The address clients connect to: the loopback address. */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Stops forwarding in both directions, keeping every socket open; idempotent. */
    public void stall() {
        synchronized (gate) {
            stalled = true;
        }
    }

    /** Forwards again, beginning with what was held back; idempotent. */
    public void resume() {
        synchronized (gate) {
            stalled = false;
            gate.notifyAll();
        }
    }

    /** True while stalled. */
    public boolean stalled() {
        synchronized (gate) {
            return stalled;
        }
    }

    /**
     * Resets every open connection on both its sides, so that the client and the server each see a
     * connection reset; returns how many were open. The proxy keeps accepting.
     */
    public int dropConnections() {
        List<Link> open = new ArrayList<>(links);
        open.forEach(Link::reset);
        return open.size();
    }

    /** The connections open through the proxy now. */
    public int openConnections() {
        return links.size();
    }

    /** Stops accepting and resets every open connection; idempotent. */
    @Override
    public void close() {
        closed = true;
        resume();
        try {
            listener.close();
        } catch (IOException e) {
            // closing a listening socket fails only if it is already gone
        }
        dropConnections();
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            Socket server = new Socket();
            try {
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                server.connect(target, 10_000);
            } catch (IOException e) {
                closeQuietly(server);
                reset(client);
                continue;
            }
            Link link = new Link(client, server);
            links.add(link);
            int id = client.getPort();
            daemon("fault-proxy-up-" + id, () -> pump(link, client, server)).start();
            daemon("fault-proxy-down-" + id, () -> pump(link, server, client)).start();
        }
    }

    /** Copies from {@code from} to {@code to} until either closes, holding each chunk while stalled. */
    private void pump(Link link, Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (!awaitForwarding(link)) {
                    return;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
            // an orderly close on one side is passed on to the other
            link.close();
        } catch (IOException e) {
            link.reset();
        }
    }

    /** Waits while stalled; false when the link ended meanwhile. */
    private boolean awaitForwarding(Link link) {
        synchronized (gate) {
            while (stalled && !link.ended) {
                try {
                    gate.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return !link.ended;
    }

    /** One client connection and its connection to the server. */
    private final class Link {

        private final Socket client;
        private final Socket server;
        private volatile boolean ended;

        Link(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        /** Ends both sides with a reset. */
        void reset() {
            end();
            FaultProxy.reset(client);
            FaultProxy.reset(server);
        }

        /** Ends both sides with an orderly close. */
        void close() {
            end();
            closeQuietly(client);
            closeQuietly(server);
        }

        private void end() {
            ended = true;
            links.remove(this);
        }
    }

    /** Closes {@code socket} so that its peer sees a reset rather than an orderly end. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // already closed: nothing to reset
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the socket is unusable either way
        }
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public String toString() {
        return "FaultProxy[" + host() + ":" + port() + " -> " + target.getHostString() + ":" + target.getPort()
                + (stalled() ? ", stalled" : "") + "]";
    }
}
