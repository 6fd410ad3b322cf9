package io.catalogbatch.runs.remote;

import io.catalogbatch.shared.jdbc.UrlSecrets;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.amqp.AmqpAuthenticationException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.context.ApplicationContext;

/**
 * The RabbitMQ broker of a partitioned import, as the user names it: {@code amqp://[USER@]HOST[:PORT][/VHOST]}, and
 * the password of its user, which never comes in the URL: from the file {@code --broker-password-file} names (its
 * first line), else from {@value #PASSWORD_VARIABLE}. Without a user, RabbitMQ's own {@code guest} (which the broker
 * accepts from its own machine only). {@link #shown()} never holds the password, and the password is remembered as a
 * secret that {@link UrlSecrets#scrubbed(String)} hides from any message.
 */
public record Broker(String host, int port, String virtualHost, String user, String password, String queue) {

    public static final String PASSWORD_VARIABLE = "CATALOG_BATCH_BROKER_PASSWORD";
    /** The queue of partition requests when none is named; its dead letters go to {@code <queue>.dead}. */
    public static final String DEFAULT_QUEUE = "catalog-batch.partitions";
    static final int DEFAULT_PORT = 5672;
    private static final String GUEST = "guest";

    /** Spring properties of the broker, read by {@link BrokerConfiguration}. */
    static final String HOST = "catalog-batch.broker.host";
    static final String PORT = "catalog-batch.broker.port";
    static final String VIRTUAL_HOST = "catalog-batch.broker.virtual-host";
    static final String USER = "catalog-batch.broker.user";
    static final String PASSWORD = "catalog-batch.broker.password";
    static final String QUEUE = "catalog-batch.broker.queue";

    /** A broker URL the user gave that cannot be used; the message quotes no secret. */
    public static final class BadBrokerUrl extends IllegalArgumentException {
        BadBrokerUrl(String message) {
            super(message);
        }
    }

    /**
     * The broker at {@code url}, its password from {@code passwordFile} (may be null) or the environment.
     *
     * @throws BadBrokerUrl the URL is not one, carries a password, or its user has no password
     */
    public static Broker of(String url, Path passwordFile, Map<String, String> environment, String queue) {
        URI uri = parse(url);
        String user = uri.getRawUserInfo() == null ? null : decode(uri.getRawUserInfo());
        String password;
        if (user == null) {
            if (passwordFile != null) {
                throw new BadBrokerUrl("--broker-password-file needs a user in the broker URL (amqp://USER@HOST)");
            }
            user = GUEST;
            password = GUEST;
        } else {
            password = passwordFile != null ? readPassword(passwordFile) : environment.get(PASSWORD_VARIABLE);
            if (password == null || password.isEmpty()) {
                throw new BadBrokerUrl("no password for the broker's user " + user + ": set " + PASSWORD_VARIABLE
                        + " or give --broker-password-file FILE");
            }
        }
        // guest's password is RabbitMQ's default, no secret: masked, it would hide the user's name in every message.
        if (!password.equals(GUEST) || !user.equals(GUEST)) {
            UrlSecrets.givenSecret(password);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String virtualHost = path.isEmpty() || path.equals("/") ? "/" : decode(path.substring(1));
        if (queue == null || queue.isBlank()) {
            throw new BadBrokerUrl("the queue name is empty");
        }
        return new Broker(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), virtualHost, user,
                password, queue);
    }

    private static URI parse(String url) {
        if (!url.startsWith("amqp://")) {
            throw new BadBrokerUrl("the broker must be an amqp:// URL (amqp://[USER@]HOST[:PORT][/VHOST]), not "
                    + UrlSecrets.scrubbed(url));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new BadBrokerUrl("the broker URL is not a URL (amqp://[USER@]HOST[:PORT][/VHOST]): "
                    + UrlSecrets.masked(url));
        }
        if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
            throw new BadBrokerUrl("the broker URL carries a password: give it in " + PASSWORD_VARIABLE
                    + " or in a file (--broker-password-file FILE), not in the URL, where ps and your shell's"
                    + " history would show it");
        }
        if (uri.getHost() == null) {
            throw new BadBrokerUrl("the broker URL names no host (amqp://[USER@]HOST[:PORT][/VHOST]): "
                    + UrlSecrets.masked(url));
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawPath() != null && uri.getRawPath().indexOf('/', 1) > 0) {
            throw new BadBrokerUrl("the broker URL is amqp://[USER@]HOST[:PORT][/VHOST], without more: "
                    + UrlSecrets.masked(url));
        }
        return uri;
    }

    private static String readPassword(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new BadBrokerUrl("the broker password file " + file + " is empty: its first line is the"
                        + " password");
            }
            return lines.get(0);
        } catch (IOException e) {
            throw new BadBrokerUrl("cannot read the broker password file " + file + ": " + e.getMessage());
        }
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** As output, reports and the job repository may show it: without the password. */
    public String shown() {
        String vhost = virtualHost.equals("/") ? "" : "/" + java.net.URLEncoder.encode(virtualHost,
                StandardCharsets.UTF_8);
        return "amqp://" + user + "@" + host + ":" + port + vhost;
    }

    /** The settings of a command's Spring context (in memory only, never a job parameter). */
    public Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put(HOST, host);
        settings.put(PORT, Integer.toString(port));
        settings.put(VIRTUAL_HOST, virtualHost);
        settings.put(USER, user);
        settings.put(PASSWORD, password);
        settings.put(QUEUE, queue);
        return settings;
    }

    /**
     * Connects once to the broker of a command's context, so that a broker that is down or refuses the user is said
     * at once, in the user's words, rather than when the first partition is sent or awaited.
     *
     * @throws IllegalStateException the broker cannot be reached, or refused the user
     */
    public void requireReachable(ApplicationContext context) {
        try {
            context.getBean(ConnectionFactory.class).createConnection().close();
        } catch (AmqpAuthenticationException e) {
            throw new IllegalStateException("the broker " + shown() + " refused the user " + user
                    + " (wrong password; or guest from another machine: RabbitMQ accepts guest from its own machine"
                    + " only)"); // the words are ours: a cause would put its own message first
        } catch (AmqpException e) {
            throw new IllegalStateException("cannot reach the broker " + shown() + ": "
                    + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
    }

    @Override
    public String toString() {
        return shown() + " queue " + queue;
    }
}
