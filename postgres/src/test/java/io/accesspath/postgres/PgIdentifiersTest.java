package io.accesspath.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgIdentifiersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "orders|orders",
        "_x1|_x1",
        "customer_id|customer_id",
        "comment|comment",            // unreserved keyword: bare
        "Orders|\"Orders\"",
        "select|\"select\"",          // reserved
        "int|\"int\"",                // column-name keyword
        "left|\"left\"",              // type/function-name keyword
        "json_table|\"json_table\"",  // keyword since PostgreSQL 17
        "system_user|\"system_user\"",// keyword since PostgreSQL 16
        "1st|\"1st\"",
        "user name|\"user name\"",
        "a$b|\"a$b\"",
        "naïve|\"naïve\"",
        "say \"hi\"|\"say \"\"hi\"\"\"",
    })
    void quotesOnlyWhereNeeded(String identifier, String expected) {
        assertThat(PgIdentifiers.quote(identifier)).isEqualTo(expected);
    }

    @Test
    void rejectsWhatPostgresqlCannotHold() {
        assertThatThrownBy(() -> PgIdentifiers.quote("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> PgIdentifiers.quote("a\0b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> PgIdentifiers.quote("é".repeat(32))).hasMessageContaining("64 bytes");
        assertThat(PgIdentifiers.quote("a".repeat(63))).hasSize(63);
    }

    @Test
    void knowsKeywordCategories() {
        assertThat(PgIdentifiers.isKeyword("table")).isTrue();
        assertThat(PgIdentifiers.isKeyword("between")).isTrue();
        assertThat(PgIdentifiers.isKeyword("index")).isFalse();
    }
}
