package io.catalogbatch.allocation.service;

import io.catalogbatch.allocation.domain.InsufficientStock;
import io.catalogbatch.allocation.domain.commands.Allocate;
import io.catalogbatch.allocation.domain.events.AllocationEvent;
import io.catalogbatch.allocation.domain.events.OutOfStock;
import io.catalogbatch.shared.domain.Command;
import io.catalogbatch.shared.service.Handler;
import io.catalogbatch.shared.service.MessageBus;
import java.util.function.Consumer;

/**
 * Hands the command of one file row to the bus, and reports a line that fitted nowhere as a broken rule.
 *
 * <p>In the domain, as in the book, running out of stock is not an error: the product records
 * {@link OutOfStock}, the handler commits, and the bus publishes the event to every subscriber (the run's
 * change log, a notification). The run goes on with the next line. Yet the row must be reported with
 * reason {@code out-of-stock}. An event handler cannot do it (its failure is only counted), and the command
 * handler cannot throw after its commit (the bus would not publish the event). So this wrapper watches the
 * bus for an {@code OutOfStock} while it handles an {@link Allocate}, and once the bus is done (the event
 * delivered) throws {@link InsufficientStock}, a {@code DomainException} like the others, which the
 * entrypoint turns into a rejected row. Nothing is rolled back, as nothing was allocated.
 *
 * <p>One per thread, like the bus it wraps.
 */
public final class AllocationRowHandling implements Consumer<Command> {

    private final MessageBus bus;
    private final OutOfStockWatch watch;

    AllocationRowHandling(MessageBus bus, OutOfStockWatch watch) {
        this.bus = bus;
        this.watch = watch;
    }

    /**
     * Handles the command and every event it leads to.
     *
     * @throws io.catalogbatch.shared.domain.DomainException when the command breaks a rule, including
     *         {@link InsufficientStock} ({@code out-of-stock}) for a line no batch could take whole
     */
    @Override
    public void accept(Command command) {
        watch.outOfStock = false;
        bus.handle(command);
        if (watch.outOfStock && command instanceof Allocate allocate) {
            watch.outOfStock = false;
            throw InsufficientStock.forLine(allocate.line());
        }
    }

    /** The bus underneath (its count of failed event handlings, say). */
    public MessageBus bus() {
        return bus;
    }

    /** Notes that an {@link OutOfStock} was published. */
    static final class OutOfStockWatch implements Handler<AllocationEvent> {

        private boolean outOfStock;

        @Override
        public void handle(AllocationEvent event) {
            if (event instanceof OutOfStock) {
                outOfStock = true;
            }
        }
    }
}
