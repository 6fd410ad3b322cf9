package io.catalogbatch.shared.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlSecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db.example/catalog?user=u&password=s3cr%3Bt&ssl=true"
                + " | jdbc:postgresql://db.example/catalog?user=u&password=***&ssl=true",
        "jdbc:postgresql://db.example/catalog?password=p | jdbc:postgresql://db.example/catalog?password=***",
        "jdbc:postgresql://h/c?user=u&sslpassword=k&PassWord=p"
                + " | jdbc:postgresql://h/c?user=u&sslpassword=***&PassWord=***",
        "jdbc:h2:file:/tmp/c;USER=sa;PASSWORD=x;TRACE_LEVEL_FILE=0"
                + " | jdbc:h2:file:/tmp/c;USER=sa;PASSWORD=***;TRACE_LEVEL_FILE=0",
        "amqp://worker:p@ss@broker.example:5672/vhost | amqp://worker:***@broker.example:5672/vhost",
        "amqp://worker@broker.example | amqp://worker@broker.example",
        "jdbc:postgresql://h/c?user=u&password= | jdbc:postgresql://h/c?user=u&password=",
        "/srv/catalog/models | /srv/catalog/models",
        "jdbc:postgresql://h/c?user=password | jdbc:postgresql://h/c?user=password",
    })
    void masks_every_secret_and_nothing_else(String location, String shown) {
        assertThat(UrlSecrets.masked(location)).isEqualTo(shown);
    }

    @Test
    void masking_twice_changes_nothing_more() {
        String once = UrlSecrets.masked("jdbc:postgresql://h/c?user=u&password=p");
        assertThat(UrlSecrets.masked(once)).isEqualTo(once);
    }

    @Test
    void scrubs_a_secret_wherever_a_message_quotes_it() {
        String location = "jdbc:postgresql://h/c?user=u&password=hunter2";
        String message = "could not open jdbc:postgresql://h/c?user=u&password=hunter2: auth failed for hunter2";
        assertThat(UrlSecrets.scrubbed(message, location))
                .isEqualTo("could not open jdbc:postgresql://h/c?user=u&password=***: auth failed for ***")
                .doesNotContain("hunter2");
    }

    @Test
    void a_location_without_secrets_scrubs_nothing() {
        assertThat(UrlSecrets.secretsOf("/srv/catalog")).isEmpty();
        assertThat(UrlSecrets.scrubbed("catalog /srv/catalog", "/srv/catalog")).isEqualTo("catalog /srv/catalog");
    }

    @Test
    void scrubs_the_secrets_given_to_the_process_and_any_url_in_a_message() {
        UrlSecrets.given("jdbc:postgresql://h/c?user=u&password=given-3f9a");
        String message = "No suitable driver found for jdbc:postgresq://h/c?user=u&password=given-3f9a;"
                + " also jdbc:h2:file:/x;PASSWORD=other-77; and given-3f9a alone";
        assertThat(UrlSecrets.scrubbed(message)).isEqualTo("No suitable driver found for"
                + " jdbc:postgresq://h/c?user=u&password=***; also jdbc:h2:file:/x;PASSWORD=***; and *** alone");
        assertThat(UrlSecrets.scrubbed((String) null)).isNull();
    }

    @Test
    void a_log_line_stays_readable_after_the_masked_location() {
        String line = "launched with [{JobParameter{name='catalog', value=jdbc:postgresql://h/c?user=u&password=***,"
                + " type=class java.lang.String}, JobParameter{name='models.file', value=/in/models.csv}]";
        assertThat(UrlSecrets.scrubbed(line)).isEqualTo(line);
        assertThat(UrlSecrets.scrubbed("at 'jdbc:h2:file:/x;PASSWORD=p2' and after")).isEqualTo(
                "at 'jdbc:h2:file:/x;PASSWORD=***' and after");
    }
}
