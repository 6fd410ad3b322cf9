package io.catalogbatch.shared.services;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Queues of their own on a real RabbitMQ broker, for tests of partitioned imports: {@link #create()} names a queue no
 * other test uses (builds run at once on one machine, and a queue's messages outlive the test that left them), and
 * the queue and its dead-letter queue are deleted after the test. The broker is {@value #SERVER_PROPERTY}
 * ({@code host:port}, default {@value #DEFAULT_SERVER}), user guest; where none answers, the test is skipped with a
 * notice, or fails where services are required (CI), through {@link RequiredServices}.
 *
 * <pre>
 * {@literal @}RegisterExtension
 * final BrokerQueues broker = new BrokerQueues();
 * </pre>
 */
public final class BrokerQueues implements AfterEachCallback {

    public static final String SERVER_PROPERTY = "catalog-batch.test.rabbitmq";
    static final String DEFAULT_SERVER = "127.0.0.1:5672";

    private static Boolean available;
    private static String unavailableBecause;

    private final List<String> made = new ArrayList<>();
    private CachingConnectionFactory connections;

    /** A queue name of this test's own (the command creates the queue). */
    public String create() {
        assumeBroker();
        String queue = "catalog-batch.test." + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        made.add(queue);
        return queue;
    }

    /** The broker's URL as a user gives it: guest, so no user in it. */
    public static String url() {
        return "amqp://" + server();
    }

    /** Puts a message on the queue that is no partition request (a plain text). */
    public void publishUnreadable(String queue, String text) {
        MessageProperties properties = new MessageProperties();
        properties.setContentType("application/x-java-serialized-object");
        template().send("", queue, new Message(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), properties));
    }

    /** Puts a message on the queue as a manager sends it: a Java-serialized object. */
    public void publish(String queue, java.io.Serializable payload) {
        template().convertAndSend("", queue, payload);
    }

    /** Waits for a message on {@code queue} (a dead-letter queue) while {@code waiting} holds; its text. */
    public String awaitMessage(String queue, BooleanSupplier waiting) throws InterruptedException {
        RabbitTemplate template = template();
        while (true) {
            // asked before looking: a message put there just before the wait ended is still found
            boolean stillWaiting = waiting.getAsBoolean();
            Message message = template.receive(queue);
            if (message != null) {
                return new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8);
            }
            if (!stillWaiting) {
                throw new AssertionError("no message came on " + queue);
            }
            Thread.sleep(50);
        }
    }

    /** How many messages wait on {@code queue} (0 when there is no such queue). */
    public long messages(String queue) {
        var info = new RabbitAdmin(connections()).getQueueInfo(queue);
        return info == null ? 0 : info.getMessageCount();
    }

    /** Skips the test (or fails it, where services are required) unless the broker answers. */
    public static synchronized void assumeBroker() {
        if (available == null) {
            CachingConnectionFactory probe = connectionsTo(server());
            try {
                probe.createConnection().close();
                available = true;
            } catch (RuntimeException e) {
                available = false;
                unavailableBecause = e.getMessage();
            } finally {
                probe.destroy();
            }
        }
        if (!available) {
            RequiredServices.unavailable("RabbitMQ", "no broker answers at " + server() + " (" + unavailableBecause
                    + ")", "Start one (rabbitmq-server -detached; guest from localhost), or name another with -D"
                    + SERVER_PROPERTY + "=host:port.");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (connections == null && made.isEmpty()) {
            return;
        }
        RabbitAdmin admin = new RabbitAdmin(connections());
        for (String queue : made) {
            admin.deleteQueue(queue);
            admin.deleteQueue(queue + ".dead");
        }
        made.clear();
        connections.destroy();
        connections = null;
    }

    private RabbitTemplate template() {
        return new RabbitTemplate(connections());
    }

    private CachingConnectionFactory connections() {
        if (connections == null) {
            connections = connectionsTo(server());
        }
        return connections;
    }

    private static CachingConnectionFactory connectionsTo(String server) {
        int colon = server.lastIndexOf(':');
        CachingConnectionFactory factory = new CachingConnectionFactory(server.substring(0, colon),
                Integer.parseInt(server.substring(colon + 1)));
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory;
    }

    static String server() {
        String server = System.getProperty(SERVER_PROPERTY, "").trim();
        return server.isEmpty() ? DEFAULT_SERVER : server;
    }
}
