package io.crosscheck.screening.model;

import java.util.List;

/** A page of items; {@code page} counts from 1, {@code total} is the number of items over all pages. */
public record Page<T>(int page, int size, long total, List<T> items) {

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return (long) page * size < total;
    }
}
