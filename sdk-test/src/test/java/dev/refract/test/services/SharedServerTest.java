package dev.refract.test.services;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SharedServerTest {

    private static final ServiceSettings NOTHING_SET = ServiceSettings.from(Map.<String, String>of()::get);

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream announcements = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void announcesTheChosenServerOnceAndHandsOutTheSameEndpoint() {
        ServerEndpoint local = new ServerEndpoint(ServerKind.REDIS, ServerOrigin.LOCAL, "127.0.0.1", 6379, "", "", "0", "");
        ServiceResolver resolver = new ServiceResolver(ServerKind.REDIS, List.of(local), (endpoint, timeout) -> { },
                () -> { throw new AssertionError("not expected"); });

        SharedServer shared = SharedServer.resolveOnce(resolver, NOTHING_SET, announcements);

        assertThat(shared.endpoint()).isSameAs(shared.endpoint()).isEqualTo(local);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo("refract-test: redis -> local 127.0.0.1:6379 (database 0)" + System.lineSeparator());
    }

    @Test
    void aFailureIsAnnouncedOnceAndRepeatedToEveryCaller() {
        ServiceResolver resolver = new ServiceResolver(ServerKind.MYSQL, List.of(),
                (endpoint, timeout) -> { },
                () -> { throw new IOException("no binaries for this platform"); });

        SharedServer shared = SharedServer.resolveOnce(resolver, NOTHING_SET, announcements);

        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(shared::endpoint)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("no mysql server for the tests: could not start an embedded mysql server:"
                            + " no binaries for this platform")
                    .hasMessageEndingWith("Set REFRACT_TEST_MYSQL_URL to a server's URL.");
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).singleElement()
                .asString().startsWith("refract-test: mysql -> unavailable: could not start an embedded mysql server");
    }
}
