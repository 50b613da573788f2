package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.accesspath.core.dialect.Dialects;
import io.accesspath.core.error.UserError;
import org.junit.jupiter.api.Test;

class DialectsTest {
    @Test
    void findsThePostgresqlDialectByIdAndUrl() {
        assertThat(Dialects.byId("postgresql")).isInstanceOf(PgDialect.class);
        assertThat(Dialects.forUrl("postgresql://u@h/db")).isInstanceOf(PgDialect.class);
        assertThat(Dialects.forUrl("jdbc:postgresql://h/db")).isInstanceOf(PgDialect.class);
        assertThat(Dialects.forUrl("postgres://h/db")).isInstanceOf(PgDialect.class);
    }

    @Test
    void anUnknownSchemeNamesTheSchemeButNotThePassword() {
        assertThatThrownBy(() -> Dialects.forUrl("mysql://root:secret@h/db"))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("'mysql'")
                .hasMessageNotContaining("secret");
    }
}
