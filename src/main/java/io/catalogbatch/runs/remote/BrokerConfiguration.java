package io.catalogbatch.runs.remote;

import io.catalogbatch.shared.faults.FaultPoint;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.ChannelInterceptor;

/**
 * The broker of a partitioned import, for its manager and its workers alike (present only when a command was given
 * {@code --broker}): the connection, the durable queue of partition requests, whose refused messages go to the
 * dead-letter queue {@code <queue>.dead} (a message no worker can read does not loop), and the channel the manager's
 * partition step sends its requests on. A request is tiny: the id of a step execution, which the worker reads from
 * the job repository in the catalog's database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = Broker.HOST)
@EnableIntegration
public class BrokerConfiguration {

    /** The channel the manager's partition steps send their requests on. */
    public static final String REQUESTS_CHANNEL = "partitionRequests";

    @Bean
    CachingConnectionFactory brokerConnections(@Value("${" + Broker.HOST + "}") String host,
                                               @Value("${" + Broker.PORT + "}") int port,
                                               @Value("${" + Broker.VIRTUAL_HOST + "}") String virtualHost,
                                               @Value("${" + Broker.USER + "}") String user,
                                               @Value("${" + Broker.PASSWORD + "}") String password) {
        CachingConnectionFactory connections = new CachingConnectionFactory(host, port);
        connections.setVirtualHost(virtualHost);
        connections.setUsername(user);
        connections.setPassword(password);
        return connections;
    }

    /** Declares the queues below on the broker when the first connection opens. */
    @Bean
    RabbitAdmin brokerAdmin(ConnectionFactory connections) {
        return new RabbitAdmin(connections);
    }

    @Bean
    Queue partitionRequestsQueue(@Value("${" + Broker.QUEUE + "}") String queue) {
        return QueueBuilder.durable(queue).deadLetterExchange("").deadLetterRoutingKey(deadLetters(queue)).build();
    }

    @Bean
    Queue deadPartitionRequestsQueue(@Value("${" + Broker.QUEUE + "}") String queue) {
        return QueueBuilder.durable(deadLetters(queue)).build();
    }

    @Bean(REQUESTS_CHANNEL)
    DirectChannel partitionRequests() {
        DirectChannel requests = new DirectChannel();
        requests.addInterceptor(new ChannelInterceptor() {
            @Override
            public void postSend(Message<?> message, MessageChannel channel, boolean sent) {
                FaultPoint.reach("partition-request-sent"); // on the broker, no worker has it yet (tests)
            }
        });
        return requests;
    }

    @Bean
    IntegrationFlow partitionRequestsToBroker(@Qualifier(REQUESTS_CHANNEL) DirectChannel partitionRequests,
                                              ConnectionFactory connections,
                                              @Value("${" + Broker.QUEUE + "}") String queue) {
        return IntegrationFlow.from(partitionRequests)
                .handle(Amqp.outboundAdapter(new RabbitTemplate(connections)).routingKey(queue))
                .get();
    }

    /** The dead-letter queue of a request queue. */
    public static String deadLetters(String queue) {
        return queue + ".dead";
    }
}
