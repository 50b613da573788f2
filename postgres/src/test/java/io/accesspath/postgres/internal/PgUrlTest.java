package io.accesspath.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accesspath.core.error.UserError;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PgUrlTest {
    @Test
    void libpqUri() {
        PgUrl url = PgUrl.parse("postgresql://alice:s%40cret@db.example:6543/shop?sslmode=require&application_name=x");
        assertThat(url).isEqualTo(new PgUrl(List.of("db.example:6543"), "shop", "alice", Optional.of("s@cret"),
                Map.of("sslmode", "require", "ApplicationName", "x")));
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/shop");
        assertThat(url.display()).isEqualTo("postgresql://alice@db.example:6543/shop");
        assertThat(url.properties()).containsEntry("user", "alice").containsEntry("password", "s@cret");
    }

    @Test
    void jdbcUrl() {
        PgUrl url = PgUrl.parse("jdbc:postgresql://127.0.0.1/x?user=postgres&password=pw&ssl=false");
        assertThat(url).isEqualTo(new PgUrl(List.of("127.0.0.1:5432"), "x", "postgres", Optional.of("pw"),
                Map.of("ssl", "false")));
    }

    @Test
    void defaultsAreLibpqs() {
        PgUrl url = PgUrl.parse("postgres://bob@");
        assertThat(url.hosts()).containsExactly("localhost:5432");
        assertThat(url.database()).isEqualTo("bob");
        assertThat(url.password()).isEmpty();
    }

    @Test
    void severalHostsAndIpv6() {
        PgUrl url = PgUrl.parse("postgresql://u@[::1]:5433,other/db");
        assertThat(url.hosts()).containsExactly("[::1]:5433", "other:5432");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433,other:5432/db");
    }

    @Test
    void databaseNamesAreEncodedForJdbc() {
        assertThat(PgUrl.parse("postgresql://u@h/my%20db").jdbcUrl()).isEqualTo("jdbc:postgresql://h:5432/my%20db");
    }

    @Test
    void errorsNeverShowThePassword() {
        assertThatThrownBy(() -> PgUrl.parse("postgresql://u:hunter2@h:notaport/db"))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("invalid port 'notaport'")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PgUrl.parse("mysql://u:hunter2@h/db"))
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PgUrl.parse("jdbc:postgresql://h/db?password=hunter2&user=u%zz"))
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void redactsPasswordsInBothForms() {
        assertThat(PgUrl.redact("postgresql://u:pw@h/db")).isEqualTo("postgresql://u:***@h/db");
        assertThat(PgUrl.redact("jdbc:postgresql://h/db?user=u&password=pw&x=1"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&x=1");
    }
}
