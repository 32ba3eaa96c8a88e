package dev.refract.test.services;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Every URL an endpoint hands out reads back as the same endpoint, whatever its credentials hold. */
class ServerEndpointUrlProperties {

    @Property
    void r2dbcUrlReadsBackAsTheSameEndpoint(@ForAll("credentials") String user, @ForAll("credentials") String password,
                                            @ForAll("names") String database) {
        ServerEndpoint endpoint = new ServerEndpoint(ServerKind.POSTGRESQL, ServerOrigin.URL, "db.example", 5433,
                user, password, database, "");
        assertThat(ServerEndpoint.fromUrl(ServerKind.POSTGRESQL, endpoint.r2dbcUrl())).isEqualTo(endpoint);
    }

    @Property
    void jdbcUrlReadsBackAsTheSameEndpoint(@ForAll("credentials") String user, @ForAll("credentials") String password,
                                           @ForAll("names") String database) {
        ServerEndpoint endpoint = new ServerEndpoint(ServerKind.MYSQL, ServerOrigin.URL, "10.1.2.3", 3306,
                user, password, database, "");
        assertThat(ServerEndpoint.fromUrl(ServerKind.MYSQL, endpoint.jdbcUrl())).isEqualTo(endpoint);
    }

    @Property
    void redisUrlReadsBackAsTheSameEndpoint(@ForAll("credentials") String password) {
        ServerEndpoint endpoint = new ServerEndpoint(ServerKind.REDIS, ServerOrigin.URL, "cache", 6380,
                "default", password, "3", "");
        assertThat(ServerEndpoint.fromUrl(ServerKind.REDIS, endpoint.redisUrl())).isEqualTo(endpoint);
    }

    @Provide
    Arbitrary<String> credentials() {
        // printable ASCII including every URL delimiter, plus a few non-ASCII letters
        return Arbitraries.strings().withCharRange(' ', '~').withChars('é', 'ß', '€').ofMinLength(1).ofMaxLength(16);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('_', '-').ofMinLength(1).ofMaxLength(20);
    }
}
