package dev.refract.test.services;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerEndpointTest {

    private static final ServerEndpoint POSTGRES = new ServerEndpoint(ServerKind.POSTGRESQL, ServerOrigin.LOCAL,
            "127.0.0.1", 5432, "postgres", "", "test", "");

    @Test
    void givesPostgresqlUrlsForR2dbcAndJdbc() {
        assertThat(POSTGRES.r2dbcUrl()).isEqualTo("r2dbc:postgresql://postgres@127.0.0.1:5432/test");
        assertThat(POSTGRES.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    }

    @Test
    void givesMysqlJdbcUrlsInTheMariadbDriversScheme() {
        ServerEndpoint mysql = new ServerEndpoint(ServerKind.MYSQL, ServerOrigin.EMBEDDED, "127.0.0.1", 3307,
                "root", "secret", "test", "");
        assertThat(mysql.r2dbcUrl()).isEqualTo("r2dbc:mysql://root:secret@127.0.0.1:3307/test");
        assertThat(mysql.jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3307/test?user=root&password=secret&sslMode=disable");
    }

    @Test
    void turnsTlsOffForMysqlOnlyOnLoopbackAndOnlyWhenTheUrlDoesNotChoose() {
        ServerEndpoint remote = new ServerEndpoint(ServerKind.MYSQL, ServerOrigin.URL, "db.ci", 3306, "ci", "", "app", "");
        ServerEndpoint chosen = new ServerEndpoint(ServerKind.MYSQL, ServerOrigin.URL, "localhost", 3306, "ci", "", "app",
                "sslMode=trust");
        assertThat(remote.jdbcUrl()).isEqualTo("jdbc:mariadb://db.ci:3306/app?user=ci");
        assertThat(chosen.jdbcUrl()).isEqualTo("jdbc:mariadb://localhost:3306/app?user=ci&sslMode=trust");
    }

    @Test
    void givesRedisAndMongodbUrls() {
        ServerEndpoint redis = new ServerEndpoint(ServerKind.REDIS, ServerOrigin.LOCAL, "127.0.0.1", 6379, "", "", "0", "");
        ServerEndpoint mongo = new ServerEndpoint(ServerKind.MONGODB, ServerOrigin.URL, "db.example", 27017,
                "app", "pw", "shop", "authSource=admin");
        assertThat(redis.redisUrl()).isEqualTo("redis://127.0.0.1:6379/0");
        assertThat(mongo.mongoUrl()).isEqualTo("mongodb://app:pw@db.example:27017/shop?authSource=admin");
    }

    @Test
    void encodesCharactersThatWouldBreakTheUrl() {
        ServerEndpoint endpoint = new ServerEndpoint(ServerKind.POSTGRESQL, ServerOrigin.URL, "h", 5432,
                "a user", "p@ss:w/rd+", "test", "");
        assertThat(endpoint.r2dbcUrl()).isEqualTo("r2dbc:postgresql://a%20user:p%40ss%3Aw%2Frd%2B@h:5432/test");
        assertThat(ServerEndpoint.fromUrl(ServerKind.POSTGRESQL, endpoint.r2dbcUrl()))
                .extracting(ServerEndpoint::user, ServerEndpoint::password)
                .containsExactly("a user", "p@ss:w/rd+");
    }

    @Test
    void appendsParametersAfterThoseOfTheConfiguredUrl() {
        ServerEndpoint endpoint = POSTGRES.withDatabase("app").withParameter("sslmode", "disable")
                .withParameter("schema", "rt_x");
        assertThat(endpoint.r2dbcUrl()).isEqualTo("r2dbc:postgresql://postgres@127.0.0.1:5432/app?sslmode=disable&schema=rt_x");
        assertThat(endpoint.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/app?user=postgres&sslmode=disable&schema=rt_x");
    }

    @Test
    void neverShowsThePasswordWhenPrinted() {
        ServerEndpoint endpoint = new ServerEndpoint(ServerKind.MYSQL, ServerOrigin.URL, "db", 3306,
                "root", "hunter2", "test", "");
        assertThat(endpoint.toString()).doesNotContain("hunter2").contains("root:****@db:3306/test");
        assertThat(endpoint.describe()).doesNotContain("hunter2").isEqualTo("url db:3306 (database test)");
    }

    @Test
    void refusesUrlFormsThatDoNotFitItsKind() {
        ServerEndpoint redis = new ServerEndpoint(ServerKind.REDIS, ServerOrigin.LOCAL, "127.0.0.1", 6379, "", "", "0", "");
        assertThatThrownBy(redis::r2dbcUrl).isInstanceOf(IllegalStateException.class)
                .hasMessage("a redis endpoint has no R2DBC URL; use redisUrl()");
        assertThatThrownBy(POSTGRES::mongoUrl).hasMessage("a postgresql endpoint has no MongoDB URL; use r2dbcUrl() or jdbcUrl()");
    }

    @Test
    void rejectsAPortOutsideTcpRange() {
        assertThatThrownBy(() -> new ServerEndpoint(ServerKind.REDIS, ServerOrigin.URL, "h", 70_000, "", "", "0", ""))
                .hasMessageContaining("between 1 and 65535, not 70000");
    }

    @Test
    void readsUrlsWithAndWithoutDriverPrefix() {
        for (String url : new String[] {"postgresql://postgres@db:6543/app", "r2dbc:postgresql://postgres@db:6543/app",
                "jdbc:postgresql://db:6543/app?user=postgres", "postgres://postgres@db:6543/app"}) {
            assertThat(ServerEndpoint.fromUrl(ServerKind.POSTGRESQL, url))
                    .as(url)
                    .isEqualTo(new ServerEndpoint(ServerKind.POSTGRESQL, ServerOrigin.URL, "db", 6543, "postgres", "", "app", ""));
        }
    }

    @Test
    void fillsInStandardPortUserAndDatabase() {
        assertThat(ServerEndpoint.fromUrl(ServerKind.MYSQL, "mariadb://db.internal"))
                .isEqualTo(new ServerEndpoint(ServerKind.MYSQL, ServerOrigin.URL, "db.internal", 3306, "root", "", "mysql", ""));
        assertThat(ServerEndpoint.fromUrl(ServerKind.REDIS, "redis://cache"))
                .isEqualTo(new ServerEndpoint(ServerKind.REDIS, ServerOrigin.URL, "cache", 6379, "", "", "0", ""));
    }

    @Test
    void takesJdbcCredentialParametersAndKeepsTheOthers() {
        ServerEndpoint endpoint = ServerEndpoint.fromUrl(ServerKind.MYSQL,
                "jdbc:mysql://db:3306/app?user=ci&password=s%26cret&useSSL=false");
        assertThat(endpoint.user()).isEqualTo("ci");
        assertThat(endpoint.password()).isEqualTo("s&cret");
        assertThat(endpoint.parameters()).isEqualTo("useSSL=false");
    }

    @Test
    void rejectsAUrlOfAnotherKindNamingTheVariableWithoutThePassword() {
        assertThatThrownBy(() -> ServerEndpoint.fromUrl(ServerKind.POSTGRESQL, "mysql://root:hunter2@db/app"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("REFRACT_TEST_POSTGRES_URL=mysql://root:****@db/app cannot be used as a postgresql URL")
                .hasMessageContaining("postgresql://postgres@127.0.0.1:5432/test")
                .message().doesNotContain("hunter2");
    }

    @Test
    void rejectsMongodbSeedListsAndSeveralHosts() {
        assertThatThrownBy(() -> ServerEndpoint.fromUrl(ServerKind.MONGODB, "mongodb+srv://cluster.example/db"))
                .hasMessageContaining("MONGODB_URL=").hasMessageContaining("mongodb+srv");
        assertThatThrownBy(() -> ServerEndpoint.fromUrl(ServerKind.MONGODB, "mongodb://a:27017,b:27017/db"))
                .hasMessageContaining("several hosts").hasMessageContaining("replicaSet");
    }

    @Test
    void rejectsARedisPathThatIsNoDatabaseNumber() {
        assertThatThrownBy(() -> ServerEndpoint.fromUrl(ServerKind.REDIS, "redis://cache/sessions"))
                .hasMessageContaining("REFRACT_TEST_REDIS_URL").hasMessageContaining("not a database number");
    }

    @Test
    void rejectsAnEmptyUrlAndOneWithoutScheme() {
        assertThatThrownBy(() -> ServerEndpoint.fromUrl(ServerKind.REDIS, " ")).hasMessageContaining("it is empty");
        assertThatThrownBy(() -> ServerEndpoint.fromUrl(ServerKind.REDIS, "localhost:6379")).hasMessageContaining("no scheme");
    }
}
