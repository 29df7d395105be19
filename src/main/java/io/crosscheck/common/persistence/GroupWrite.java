package io.crosscheck.common.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Items written in groups by one writer at a time: a thread {@link #submit submits} its item and returns once a write
 * that <em>started after the submission</em> and included the item has finished. One waiting thread (the leader) writes
 * everything submitted so far in one call; threads that submit while it writes wait for the next write, which the first
 * of them runs. Concurrent submissions therefore share one write; a lone one gets a write of its own, at once (no
 * timer, no extra thread).
 *
 * <p>A write that fails fails exactly the items it was given, even when a later write succeeds.
 *
 * @param <T> what is written
 */
public final class GroupWrite<T> {

    /** Writes a group of items (in the order submitted); throws when none of them may be counted as written. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(List<T> items) throws Exception;
    }

    /** The write that was to include an item failed, or could not be waited for. */
    public static final class NotWrittenException extends Exception {
        NotWrittenException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class Ticket<T> {
        final T item;
        boolean done;
        Throwable failure;

        Ticket(T item) {
            this.item = item;
        }
    }

    private final Writer<T> writer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    private List<Ticket<T>> queued = new ArrayList<>();
    private boolean writing;
    private long writes;
    private long items;

    public GroupWrite(Writer<T> writer) {
        this.writer = writer;
    }

    /** Returns once a write started after this call has written {@code item}; throws if that write failed. */
    public void submit(T item) throws NotWrittenException {
        Ticket<T> ticket = new Ticket<>(item);
        lock.lock();
        try {
            queued.add(ticket);
            while (!ticket.done) {
                if (writing) {
                    try {
                        finished.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new NotWrittenException("interrupted while waiting for the write", e);
                    }
                    continue;
                }
                lead();
            }
            if (ticket.failure != null) {
                throw new NotWrittenException("the write that was to include this item failed", ticket.failure);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes everything queued (called holding the lock; released while writing). */
    private void lead() {
        writing = true;
        List<Ticket<T>> group = queued;
        queued = new ArrayList<>();
        writes++;
        items += group.size();
        List<T> batch = new ArrayList<>(group.size());
        for (Ticket<T> t : group) {
            batch.add(t.item);
        }
        Throwable failed = null;
        lock.unlock();
        try {
            writer.write(batch);
        } catch (Throwable t) {
            failed = t;
        } finally {
            lock.lock();
        }
        writing = false;
        for (Ticket<T> t : group) {
            t.done = true;
            t.failure = failed;
        }
        finished.signalAll();
    }

    /** Writes started so far. */
    public long writes() {
        return locked(() -> writes);
    }

    /** Items submitted and not yet given to a write (tests). */
    int waiting() {
        return locked(() -> (long) queued.size()).intValue();
    }

    /** Items given to a write so far. */
    public long items() {
        return locked(() -> items);
    }

    private Long locked(Supplier<Long> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }
}
