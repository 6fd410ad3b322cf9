package io.catalogbatch.shared.batch;

import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads items worked out when the step opens (always the same list for the same run), keeping its
 * position in the step's execution context so a restarted step goes on after the last committed chunk.
 */
public final class RestartableListReader<T> implements ItemStreamReader<T> {

    private final String positionKey;
    private final Callable<List<T>> items;
    private List<T> list;
    private int next;

    public RestartableListReader(String name, Callable<List<T>> items) {
        this.positionKey = name + ".position";
        this.items = items;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            list = items.call();
        } catch (Exception e) {
            throw new ItemStreamException("cannot work out the items of " + positionKey, e);
        }
        next = context.getInt(positionKey, 0);
    }

    @Override
    public T read() {
        return next < list.size() ? list.get(next++) : null;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(positionKey, next);
    }
}
