package io.catalogbatch.runs.remote;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.converter.SimpleMessageConverter;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * A worker's side of the broker (the {@code worker} command): partition requests taken one at a time
 * (prefetch 1, so one worker does not take them all) and acknowledged when their partition has ended (so a killed
 * worker's request goes to another worker, or back to the queue), handled by {@link PartitionRequests}. A message
 * that is not a partition request, or that the worker cannot handle, is refused and not requeued: the broker moves
 * it to the dead-letter queue, where it stays for a person to look at, instead of looping.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = Worker.PROPERTY, havingValue = "true")
public class WorkerConfiguration {

    /** How long a stopping worker waits for its running partition to end its chunk. */
    private static final long STOP_WAIT_MILLIS = 3_600_000L;

    @Bean
    PartitionRequests partitionRequestHandler(JobRepository jobRepository, DataSource dataSource,
                                              BeanFactory beanFactory) {
        return new PartitionRequests(jobRepository, dataSource, beanFactory, System.err);
    }

    @Bean
    IntegrationFlow partitionRequestsFromBroker(ConnectionFactory connections,
                                                @Value("${" + Broker.QUEUE + "}") String queue,
                                                PartitionRequests partitionRequestHandler) {
        // Java serialization, of this one class only (Spring AMQP refuses any other: pitfall 5).
        SimpleMessageConverter converter = new SimpleMessageConverter();
        converter.setAllowedListPatterns(List.of(StepExecutionRequest.class.getName()));
        return IntegrationFlow.from(Amqp.inboundAdapter(connections, queue)
                        .messageConverter(converter)
                        .configureContainer(container -> container
                                .prefetchCount(1)
                                .acknowledgeMode(AcknowledgeMode.AUTO)
                                .defaultRequeueRejected(false)
                                .shutdownTimeout(STOP_WAIT_MILLIS)))
                .handle(StepExecutionRequest.class, (request, headers) -> {
                    try {
                        partitionRequestHandler.handle(request);
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException("the catalog's database: " + e.getMessage(), e);
                    }
                    return null;
                })
                .get();
    }
}
