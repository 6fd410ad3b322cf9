package io.catalogbatch.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PgPasswordTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(PgPassword.VARIABLE, "from-the-environment");

    @Test
    void a_postgresql_url_without_a_password_gets_pgpassword() {
        assertThat(PgPassword.forUrl("jdbc:postgresql://h/db?user=u", ENVIRONMENT)).contains("from-the-environment");
        assertThat(UrlSecrets.scrubbed("auth failed for from-the-environment")).isEqualTo("auth failed for ***");
    }

    @Test
    void the_url_s_own_password_wins() {
        assertThat(PgPassword.forUrl("jdbc:postgresql://h/db?user=u&password=p", ENVIRONMENT)).isEmpty();
    }

    @Test
    void other_databases_and_an_unset_variable_get_nothing() {
        assertThat(PgPassword.forUrl("jdbc:h2:file:/tmp/c", ENVIRONMENT)).isEmpty();
        assertThat(PgPassword.forUrl("jdbc:postgresql://h/db?user=u", Map.of())).isEmpty();
        assertThat(PgPassword.forUrl("jdbc:postgresql://h/db?user=u", Map.of(PgPassword.VARIABLE, ""))).isEmpty();
    }
}
