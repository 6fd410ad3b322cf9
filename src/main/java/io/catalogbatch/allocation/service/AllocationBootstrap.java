package io.catalogbatch.allocation.service;

import io.catalogbatch.allocation.domain.commands.Allocate;
import io.catalogbatch.allocation.domain.commands.AllocationCommand;
import io.catalogbatch.allocation.domain.commands.CreateBatch;
import io.catalogbatch.allocation.domain.commands.RestoreAllocation;
import io.catalogbatch.allocation.domain.events.AllocationEvent;
import io.catalogbatch.shared.service.Handler;
import io.catalogbatch.shared.service.MessageBus;
import java.util.List;

/** The one wiring point of the allocation service layer: a bus with a handler for every command. */
public final class AllocationBootstrap {

    private AllocationBootstrap() {
    }

    /** A bus whose allocation events go to {@code eventHandlers}, in this order (each one fails alone). */
    @SafeVarargs
    public static MessageBus bus(AllocationUnitOfWork uow, Handler<? super AllocationEvent>... eventHandlers) {
        return bus(uow, List.of(eventHandlers));
    }

    /** A bus whose allocation events go to {@code eventHandlers}, in this order (each one fails alone). */
    public static MessageBus bus(AllocationUnitOfWork uow,
                                 List<? extends Handler<? super AllocationEvent>> eventHandlers) {
        return builder(uow, eventHandlers).build();
    }

    /**
     * What an entrypoint hands each row's command to: the same bus, and a line that fitted nowhere is then
     * refused {@code out-of-stock} (see {@link AllocationRowHandling}).
     */
    public static AllocationRowHandling rowHandling(AllocationUnitOfWork uow,
                                                    List<? extends Handler<? super AllocationEvent>> eventHandlers) {
        AllocationRowHandling.OutOfStockWatch watch = new AllocationRowHandling.OutOfStockWatch();
        MessageBus bus = builder(uow, eventHandlers).event(AllocationEvent.class, watch).build();
        return new AllocationRowHandling(bus, watch);
    }

    private static MessageBus.Builder builder(AllocationUnitOfWork uow,
                                              List<? extends Handler<? super AllocationEvent>> eventHandlers) {
        MessageBus.Builder builder = MessageBus.builder(uow)
                .commandsOf(AllocationCommand.class)
                .command(CreateBatch.class, new CreateBatchHandler(uow))
                .command(Allocate.class, new AllocateHandler(uow))
                .command(RestoreAllocation.class, new RestoreAllocationHandler(uow));
        eventHandlers.forEach(handler -> builder.event(AllocationEvent.class, handler));
        return builder;
    }
}
