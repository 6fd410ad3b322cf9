package io.catalogbatch.shared.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values made once from the text they are read from and shared from then on: a million models carry a few
 * hundred distinct tags, licences and dates, and each made anew would cost its check and its memory every
 * time. Bounded, so that a file of distinct values (or a watch process running for months) costs no more
 * than the limit; past it, values are made as if there were no pool. Only values made without an exception
 * are kept, so a refused value is checked again, and reported in its own words, every time.
 */
public final class ValuePool<T> {

    private final Map<String, T> values = new ConcurrentHashMap<>();
    private final int limit;

    public ValuePool(int limit) {
        this.limit = limit;
    }

    public T get(String text, Function<String, T> make) {
        T value = values.get(text);
        if (value == null) {
            value = make.apply(text);
            if (values.size() < limit) {
                T earlier = values.putIfAbsent(text, value);
                if (earlier != null) {
                    value = earlier;
                }
            }
        }
        return value;
    }
}
