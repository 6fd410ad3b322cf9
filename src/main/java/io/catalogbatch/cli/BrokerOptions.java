package io.catalogbatch.cli;

import io.catalogbatch.runs.remote.Broker;
import io.catalogbatch.shared.store.StoreLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The broker of a partitioned import: {@code import --broker} (its manager) and {@code worker}. */
final class BrokerOptions {

    @Option(names = "--broker", paramLabel = "URL",
            description = {"The RabbitMQ broker the import's partitions go through: amqp://[USER@]HOST[:PORT][/VHOST]. "
                    + "The user's password comes from " + Broker.PASSWORD_VARIABLE + " or --broker-password-file, "
                    + "never from the URL; without a user, RabbitMQ's guest (accepted from the broker's own machine "
                    + "only)."})
    String broker;

    @Option(names = "--broker-password-file", paramLabel = "FILE",
            description = "A file whose first line is the broker user's password.")
    Path passwordFile;

    @Option(names = "--queue", paramLabel = "NAME", defaultValue = Broker.DEFAULT_QUEUE,
            description = "The broker's queue of partition requests (the manager's and its workers' must be the "
                    + "same; refused messages go to NAME.dead). Default: ${DEFAULT-VALUE}")
    String queue;

    /** Why {@code catalog} cannot be imported into across machines; null when it can (PostgreSQL). */
    static String singleMachine(StoreLocation catalog) {
        if (!catalog.isDatabase()) {
            return "the catalog " + catalog.shown() + " is a CSV folder, which only one machine imports into:"
                    + " several machines need a PostgreSQL catalog (--catalog jdbc:postgresql://HOST/DATABASE)";
        }
        if (!catalog.value().startsWith("jdbc:postgresql:")) {
            return "the catalog " + catalog.shown() + " is an embedded database, which only one process opens:"
                    + " several machines need a PostgreSQL catalog (--catalog jdbc:postgresql://HOST/DATABASE)";
        }
        return null;
    }

    /** The broker, its password read. */
    Broker resolve() {
        return Broker.of(broker, passwordFile, System.getenv(), queue);
    }
}
