package dev.refract.test.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refract.test.random.Draw;
import dev.refract.test.random.RandomCases;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Every URL an endpoint hands out reads back as the same endpoint, whatever its credentials hold. */
class ServerEndpointUrlProperties {

    /** Printable ASCII, every URL delimiter included, plus a few non-ASCII letters. */
    private static final String CREDENTIAL_CHARACTERS = Draw.PRINTABLE_ASCII + "\u00e9\u00df\u20ac";
    private static final String NAME_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_-";

    @Test
    void r2dbcUrlReadsBackAsTheSameEndpoint() {
        RandomCases.forAll(500, random -> new ServerEndpoint(ServerKind.POSTGRESQL, ServerOrigin.URL, "db.example", 5433,
                credential(random), credential(random), name(random), ""),
                endpoint -> assertThat(ServerEndpoint.fromUrl(ServerKind.POSTGRESQL, endpoint.r2dbcUrl())).isEqualTo(endpoint));
    }

    @Test
    void jdbcUrlReadsBackAsTheSameEndpoint() {
        RandomCases.forAll(500, random -> new ServerEndpoint(ServerKind.MYSQL, ServerOrigin.URL, "10.1.2.3", 3306,
                credential(random), credential(random), name(random), ""),
                endpoint -> assertThat(ServerEndpoint.fromUrl(ServerKind.MYSQL, endpoint.jdbcUrl())).isEqualTo(endpoint));
    }

    @Test
    void redisUrlReadsBackAsTheSameEndpoint() {
        RandomCases.forAll(500, random -> new ServerEndpoint(ServerKind.REDIS, ServerOrigin.URL, "cache", 6380,
                "default", credential(random), "3", ""),
                endpoint -> assertThat(ServerEndpoint.fromUrl(ServerKind.REDIS, endpoint.redisUrl())).isEqualTo(endpoint));
    }

    private static String credential(SplittableRandom random) {
        return Draw.string(random, CREDENTIAL_CHARACTERS, 1, 16);
    }

    private static String name(SplittableRandom random) {
        return Draw.string(random, NAME_CHARACTERS, 1, 20);
    }
}
