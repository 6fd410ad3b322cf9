package io.catalogbatch.cli;

import io.catalogbatch.runs.remote.Broker;
import io.catalogbatch.runs.remote.Worker;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code catalog-batch worker}: runs the partitions of imports started with {@code import --broker}, until stopped. */
@Command(name = "worker", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Runs the partitions of imports started elsewhere with import --broker, one at a time, until "
                + "stopped (SIGTERM or Ctrl-C: the running partition ends after its chunk, and the import's rerun "
                + "resumes it).",
                "The input files are read at the path the import was given: every machine must see them there."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "1:the catalog's database or the broker cannot be reached", "2:usage error"})
final class WorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOptions options;

    @Mixin
    BrokerOptions brokerOptions;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (brokerOptions.broker == null) {
            err.println("catalog-batch worker: give --broker amqp://[USER@]HOST[:PORT][/VHOST]");
            return ExitCode.USAGE;
        }
        String singleMachine = BrokerOptions.singleMachine(options.location());
        if (singleMachine != null) {
            err.println("catalog-batch worker: " + singleMachine);
            return ExitCode.USAGE;
        }
        Broker broker;
        try {
            broker = brokerOptions.resolve();
        } catch (Broker.BadBrokerUrl e) {
            err.println("catalog-batch worker: " + e.getMessage());
            return ExitCode.USAGE;
        }
        try {
            new Worker(options.location(), broker, options.verbose).run(err);
            return ExitCode.DONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.FAILED;
        } catch (Exception e) {
            FailureReport.report(err, "worker failed", e, options.verbose);
            return ExitCode.FAILED;
        }
    }
}
