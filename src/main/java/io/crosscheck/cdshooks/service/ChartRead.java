package io.crosscheck.cdshooks.service;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/**
 * What was read of one prefetch key (the prefetched data, the pages fetched), and why it is not complete when it is
 * not. Pages arrive on the HTTP client's threads; once {@link #close() closed} at the deadline, nothing more is added,
 * so what the screening sees does not change under it.
 */
final class ChartRead {

    final String key;
    private final List<Resource> resources = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String notRead;
    private int pages;
    private boolean closed;

    ChartRead(String key) {
        this.key = key;
    }

    synchronized void add(Resource r) {
        if (!closed) {
            resources.add(r);
        }
    }

    /** Marks the key as not completely read; the first reason is kept. */
    synchronized void incomplete(String why) {
        if (!closed && notRead == null) {
            notRead = why;
        }
    }

    /** Something the EHR reported that does not make the data incomplete (an OperationOutcome warning). */
    synchronized void note(String note) {
        if (!closed && !notes.contains(note)) {
            notes.add(note);
        }
    }

    /** Counts a page read and returns the count. */
    synchronized int page() {
        return ++pages;
    }

    synchronized int size() {
        return resources.size();
    }

    /** Stops taking pages: a page arriving after this is dropped. */
    synchronized void close() {
        closed = true;
    }

    synchronized boolean closed() {
        return closed;
    }

    synchronized List<Resource> resources() {
        return List.copyOf(resources);
    }

    synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    /** Why the key is not completely read; null when it is. */
    synchronized String notRead() {
        return notRead;
    }
}
