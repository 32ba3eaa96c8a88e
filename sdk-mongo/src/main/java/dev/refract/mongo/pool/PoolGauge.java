package dev.refract.mongo.pool;

import com.mongodb.event.ConnectionCheckOutFailedEvent;
import com.mongodb.event.ConnectionCheckOutStartedEvent;
import com.mongodb.event.ConnectionCheckedInEvent;
import com.mongodb.event.ConnectionCheckedOutEvent;
import com.mongodb.event.ConnectionClosedEvent;
import com.mongodb.event.ConnectionCreatedEvent;
import com.mongodb.event.ConnectionPoolClosedEvent;
import com.mongodb.event.ConnectionPoolCreatedEvent;
import com.mongodb.event.ConnectionPoolListener;
import dev.refract.spi.PoolUsage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts what the driver's connection pools do, from the events it sends a {@link ConnectionPoolListener}:
 * connections open and checked out, and check-outs waiting. The driver keeps one pool per server it
 * talks to (each member of a replica set, each {@code mongos}); the counts add them up, and the most
 * connections is the per-server maximum times the pools open. Each event costs one atomic update, and
 * {@link #usage()} reads the counts without locking.
 */
public final class PoolGauge implements ConnectionPoolListener {

    private final int maxPerServer;
    private final AtomicInteger pools = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger checkedOut = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();

    /** A gauge of pools holding at most {@code maxPerServer} connections each. */
    public PoolGauge(int maxPerServer) {
        this.maxPerServer = maxPerServer;
    }

    /**
     * The pools' use now: {@code acquired} connections checked out, {@code idle} open ones in a pool,
     * {@code pending} check-outs waiting for a connection, {@code maxSize} the most connections the
     * open pools make (one pool's maximum before any is open).
     */
    public PoolUsage usage() {
        int acquired = Math.max(0, checkedOut.get());
        int idle = Math.max(0, open.get() - acquired);
        return new PoolUsage(acquired, idle, Math.max(0, waiting.get()), maxPerServer * Math.max(1, pools.get()));
    }

    @Override
    public void connectionPoolCreated(ConnectionPoolCreatedEvent event) {
        pools.incrementAndGet();
    }

    @Override
    public void connectionPoolClosed(ConnectionPoolClosedEvent event) {
        pools.decrementAndGet();
    }

    @Override
    public void connectionCreated(ConnectionCreatedEvent event) {
        open.incrementAndGet();
    }

    @Override
    public void connectionClosed(ConnectionClosedEvent event) {
        open.decrementAndGet();
    }

    @Override
    public void connectionCheckOutStarted(ConnectionCheckOutStartedEvent event) {
        waiting.incrementAndGet();
    }

    @Override
    public void connectionCheckedOut(ConnectionCheckedOutEvent event) {
        waiting.decrementAndGet();
        checkedOut.incrementAndGet();
    }

    @Override
    public void connectionCheckOutFailed(ConnectionCheckOutFailedEvent event) {
        waiting.decrementAndGet();
    }

    @Override
    public void connectionCheckedIn(ConnectionCheckedInEvent event) {
        checkedOut.decrementAndGet();
    }
}
