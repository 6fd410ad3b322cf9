package io.catalogbatch.runs.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.catalogbatch.shared.jdbc.UrlSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerTest {

    @TempDir
    Path work;

    @AfterEach
    void forget() {
        UrlSecrets.forgetGiven();
    }

    @Test
    void without_a_user_it_is_rabbitmqs_guest_on_the_default_port_and_virtual_host() {
        Broker broker = Broker.of("amqp://127.0.0.1", null, Map.of(), Broker.DEFAULT_QUEUE);
        assertThat(broker.host()).isEqualTo("127.0.0.1");
        assertThat(broker.port()).isEqualTo(5672);
        assertThat(broker.virtualHost()).isEqualTo("/");
        assertThat(broker.user()).isEqualTo("guest");
        assertThat(broker.shown()).isEqualTo("amqp://guest@127.0.0.1:5672");
    }

    @Test
    void a_users_password_comes_from_the_environment_and_is_never_shown() {
        Broker broker = Broker.of("amqp://importer@mq.example:5673/catalog%2Fprod", null,
                Map.of(Broker.PASSWORD_VARIABLE, "pa55-word"), "q");
        assertThat(broker.password()).isEqualTo("pa55-word");
        assertThat(broker.virtualHost()).isEqualTo("catalog/prod");
        assertThat(broker.port()).isEqualTo(5673);
        assertThat(broker.shown()).isEqualTo("amqp://importer@mq.example:5673/catalog%2Fprod")
                .doesNotContain("pa55-word");
        assertThat(broker.toString()).doesNotContain("pa55-word");
        assertThat(UrlSecrets.scrubbed("failed with pa55-word")).isEqualTo("failed with ***");
    }

    @Test
    void a_password_file_wins_over_the_environment() throws IOException {
        Path file = Files.writeString(work.resolve("broker.pass"), "from-file\n");
        Broker broker = Broker.of("amqp://importer@mq.example", file, Map.of(Broker.PASSWORD_VARIABLE, "from-env"),
                "q");
        assertThat(broker.password()).isEqualTo("from-file");
    }

    @Test
    void a_user_without_a_password_is_refused_with_where_to_give_it() {
        assertThatThrownBy(() -> Broker.of("amqp://importer@mq.example", null, Map.of(), "q"))
                .isInstanceOf(Broker.BadBrokerUrl.class)
                .hasMessage("no password for the broker's user importer: set CATALOG_BATCH_BROKER_PASSWORD or give"
                        + " --broker-password-file FILE");
    }

    @Test
    void a_missing_or_empty_password_file_is_named() throws IOException {
        Path missing = work.resolve("missing.pass");
        assertThatThrownBy(() -> Broker.of("amqp://importer@mq.example", missing, Map.of(), "q"))
                .hasMessageStartingWith("cannot read the broker password file " + missing);
        Path empty = Files.writeString(work.resolve("empty.pass"), "");
        assertThatThrownBy(() -> Broker.of("amqp://importer@mq.example", empty, Map.of(), "q"))
                .hasMessageContaining("is empty: its first line is the password");
    }

    @Test
    void other_urls_are_refused() {
        assertThatThrownBy(() -> Broker.of("http://mq.example", null, Map.of(), "q"))
                .hasMessageStartingWith("the broker must be an amqp:// URL");
        assertThatThrownBy(() -> Broker.of("amqp://mq.example/a/b", null, Map.of(), "q"))
                .hasMessageStartingWith("the broker URL is amqp://[USER@]HOST[:PORT][/VHOST], without more");
        assertThatThrownBy(() -> Broker.of("amqp://u:secret@mq.example", null, Map.of(), "q"))
                .hasMessageNotContaining("secret@").hasMessageContaining("carries a password");
    }
}
