package dev.refract.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlRedactionTest {

    @Test
    void hidesPasswordInUserInfo() {
        assertThat(UrlRedaction.redact("r2dbc:postgresql://app:s3cr3t@db.example:5432/app"))
                .isEqualTo("r2dbc:postgresql://app:****@db.example:5432/app");
        assertThat(UrlRedaction.redact("mongodb+srv://user:p%40ss:word@cluster/db"))
                .doesNotContain("p%40ss").doesNotContain("word@").contains("user:****@");
    }

    @Test
    void hidesPasswordQueryParameters() {
        assertThat(UrlRedaction.redact("r2dbc:mysql://localhost/app?user=app&password=hunter2&ssl=true"))
                .isEqualTo("r2dbc:mysql://localhost/app?user=app&password=****&ssl=true");
        assertThat(UrlRedaction.redact("jdbc:x://h/db;PWD=top;user=u")).isEqualTo("jdbc:x://h/db;PWD=****;user=u");
    }

    @Test
    void hidesPasswordsInsideLongerMessages() {
        String message = "could not connect to redis://:topsecret@cache:6379/0 after 3 attempts";

        assertThat(UrlRedaction.redact(message)).isEqualTo("could not connect to redis://:****@cache:6379/0 after 3 attempts");
    }

    @Test
    void leavesUrlsWithoutPasswordAlone() {
        assertThat(UrlRedaction.redact("r2dbc:postgresql://app@localhost/app")).isEqualTo("r2dbc:postgresql://app@localhost/app");
        assertThat(UrlRedaction.redact("redis://localhost:6379")).isEqualTo("redis://localhost:6379");
        assertThat(UrlRedaction.redact(null)).isNull();
    }
}
