package dev.refract.test.services;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real probes against real servers: a server that answers is taken as the local one, after
 * a candidate where nothing listens has been passed over; and each kind resolves once per JVM.
 */
class ServiceResolverIT {

    private static final ServiceSettings NOTHING_SET = ServiceSettings.from(Map.<String, String>of()::get);

    @Test
    void aServerThatAnswersTheProtocolCheckIsTakenAsTheLocalOne() throws IOException {
        int deadPort = portWhereNothingListens();
        assertLocalChosen(PostgresService.endpoint(), PostgresService::check, PostgresService.localCandidates(deadPort));
        assertLocalChosen(MysqlService.endpoint(), MysqlService::check, MysqlService.localCandidates(deadPort));
        assertLocalChosen(RedisService.endpoint(), RedisService::check, RedisService.localCandidates(deadPort));
    }

    @Test
    void eachKindIsResolvedOncePerJvm() {
        List<Supplier<ServerEndpoint>> services = List.of(PostgresService::endpoint, MysqlService::endpoint,
                RedisService::endpoint, MongoService::endpoint);
        for (Supplier<ServerEndpoint> service : services) {
            assertThat(service.get()).isSameAs(service.get());
        }
    }

    private static void assertLocalChosen(ServerEndpoint live, ServerProbe probe, List<ServerEndpoint> deadCandidates) {
        ServerEndpoint asLocal = new ServerEndpoint(live.kind(), ServerOrigin.LOCAL, live.host(), live.port(),
                live.user(), live.password(), live.database(), live.parameters());
        List<ServerEndpoint> candidates = new java.util.ArrayList<>(deadCandidates);
        candidates.add(asLocal);
        ServiceResolver resolver = new ServiceResolver(live.kind(), candidates, probe, () -> {
            throw new AssertionError("no embedded " + live.kind().label() + " server may start while a local one answers");
        });

        Resolution resolution = resolver.resolve(NOTHING_SET);

        assertThat(resolution.endpoint()).as(live.kind().label()).isEqualTo(asLocal);
        assertThat(resolution.embedded()).isEmpty();
    }

    private static int portWhereNothingListens() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
