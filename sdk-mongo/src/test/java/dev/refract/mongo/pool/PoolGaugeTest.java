package dev.refract.mongo.pool;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterId;
import com.mongodb.connection.ConnectionId;
import com.mongodb.connection.ConnectionPoolSettings;
import com.mongodb.connection.ServerId;
import com.mongodb.event.ConnectionCheckOutFailedEvent;
import com.mongodb.event.ConnectionCheckOutStartedEvent;
import com.mongodb.event.ConnectionCheckedInEvent;
import com.mongodb.event.ConnectionCheckedOutEvent;
import com.mongodb.event.ConnectionClosedEvent;
import com.mongodb.event.ConnectionCreatedEvent;
import com.mongodb.event.ConnectionPoolClosedEvent;
import com.mongodb.event.ConnectionPoolCreatedEvent;
import dev.refract.spi.PoolUsage;
import org.junit.jupiter.api.Test;

class PoolGaugeTest {

    private static final ClusterId CLUSTER = new ClusterId();
    private static final ServerId PRIMARY = new ServerId(CLUSTER, new ServerAddress("a", 27017));
    private static final ServerId SECONDARY = new ServerId(CLUSTER, new ServerAddress("b", 27017));

    private final PoolGauge gauge = new PoolGauge(5);

    private static ConnectionId connection(ServerId server, long local) {
        return new ConnectionId(server, local, null);
    }

    @Test
    void beforeAnyPoolOpensOnlyTheMostIsKnown() {
        assertThat(gauge.usage()).isEqualTo(new PoolUsage(0, 0, 0, 5));
    }

    @Test
    void checkOutsWaitThenHoldAConnectionAndGiveItBackToThePool() {
        gauge.connectionPoolCreated(new ConnectionPoolCreatedEvent(PRIMARY, ConnectionPoolSettings.builder().build()));
        gauge.connectionCheckOutStarted(new ConnectionCheckOutStartedEvent(PRIMARY, 1));
        gauge.connectionCheckOutStarted(new ConnectionCheckOutStartedEvent(PRIMARY, 2));
        assertThat(gauge.usage()).isEqualTo(new PoolUsage(0, 0, 2, 5));

        gauge.connectionCreated(new ConnectionCreatedEvent(connection(PRIMARY, 1)));
        gauge.connectionCheckedOut(new ConnectionCheckedOutEvent(connection(PRIMARY, 1), 1, 3));
        gauge.connectionCheckOutFailed(new ConnectionCheckOutFailedEvent(PRIMARY, 2,
                ConnectionCheckOutFailedEvent.Reason.TIMEOUT, 10));
        assertThat(gauge.usage()).isEqualTo(new PoolUsage(1, 0, 0, 5));

        gauge.connectionCheckedIn(new ConnectionCheckedInEvent(connection(PRIMARY, 1), 1));
        assertThat(gauge.usage()).isEqualTo(new PoolUsage(0, 1, 0, 5));

        gauge.connectionClosed(new ConnectionClosedEvent(connection(PRIMARY, 1), ConnectionClosedEvent.Reason.IDLE));
        assertThat(gauge.usage()).isEqualTo(new PoolUsage(0, 0, 0, 5));
    }

    @Test
    void thePoolsOfSeveralServersAddUp() {
        gauge.connectionPoolCreated(new ConnectionPoolCreatedEvent(PRIMARY, ConnectionPoolSettings.builder().build()));
        gauge.connectionPoolCreated(new ConnectionPoolCreatedEvent(SECONDARY, ConnectionPoolSettings.builder().build()));
        gauge.connectionCreated(new ConnectionCreatedEvent(connection(PRIMARY, 1)));
        gauge.connectionCreated(new ConnectionCreatedEvent(connection(SECONDARY, 1)));
        gauge.connectionCheckOutStarted(new ConnectionCheckOutStartedEvent(SECONDARY, 7));
        gauge.connectionCheckedOut(new ConnectionCheckedOutEvent(connection(SECONDARY, 1), 7, 1));

        assertThat(gauge.usage()).isEqualTo(new PoolUsage(1, 1, 0, 10));

        gauge.connectionPoolClosed(new ConnectionPoolClosedEvent(SECONDARY));
        assertThat(gauge.usage().maxSize()).isEqualTo(5);
    }
}
