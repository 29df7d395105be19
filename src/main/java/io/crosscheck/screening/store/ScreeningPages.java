package io.crosscheck.screening.store;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Reads stored screenings one page at a time, ordered by {@code created_at, id}, each page starting
 * after the last row of the previous one (keyset paging), so memory stays flat however many rows
 * there are and rows are neither skipped nor repeated.
 */
public final class ScreeningPages implements Iterator<StoredScreening> {

    /** One page: up to {@code limit} rows after {@code after} (null: from the start) in created_at, id order. */
    @FunctionalInterface
    public interface Source {
        List<StoredScreening> page(StoredScreening after, int limit);
    }

    private final Source source;
    private final int batchSize;
    private List<StoredScreening> page = List.of();
    private int next;
    private StoredScreening last;
    private boolean exhausted;

    public ScreeningPages(Source source, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.source = source;
        this.batchSize = batchSize;
    }

    @Override
    public boolean hasNext() {
        if (next < page.size()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        page = source.page(last, batchSize);
        next = 0;
        exhausted = page.size() < batchSize;
        return !page.isEmpty();
    }

    @Override
    public StoredScreening next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        last = page.get(next++);
        return last;
    }
}
