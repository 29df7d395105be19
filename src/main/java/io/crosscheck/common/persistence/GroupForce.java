package io.crosscheck.common.persistence;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for a store whose commits reach the operating system but not the disk: a thread that has committed
 * calls {@link #await()}, which returns once a force that <em>started after the call</em> has finished. One waiting
 * thread (the leader) runs the force for everyone waiting; threads that arrive while it runs wait for the next one,
 * which the first of them runs. Concurrent commits therefore share one force, and a commit is never acknowledged on a
 * force that began before it.
 *
 * <p>A force that fails fails every waiter whose commit it was to cover, even when a later force succeeds: after a
 * failed {@code fsync} the kernel may have dropped the dirty pages, so a later success proves nothing about them.
 */
final class GroupForce {

    /** Forces everything written so far to stable storage. */
    @FunctionalInterface
    interface Force {
        void run() throws Exception;
    }

    /** The force covering a commit failed or could not be waited for: the commit may not be on the disk. */
    static final class NotForcedException extends Exception {
        NotForcedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Force force;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    /** Forces started; the number of the latest one. */
    private long started;
    /** The latest force finished (forces finish in order: one runs at a time). */
    private long completed;
    /** The latest force that failed, 0 for none, and why. */
    private long lastFailed;

    private Throwable failure;
    private boolean forcing;

    GroupForce(Force force) {
        this.force = force;
    }

    /** Returns once a force started after this call has finished; throws if one that covered this call failed. */
    void await() throws NotForcedException {
        lock.lock();
        try {
            // a force running now may have started before this commit: the next one is the first that covers it
            long target = started + 1;
            while (completed < target) {
                if (forcing) {
                    try {
                        finished.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new NotForcedException("interrupted while waiting for the force", e);
                    }
                    continue;
                }
                lead();
            }
            if (lastFailed >= target) {
                throw new NotForcedException("the force covering this commit failed", failure);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs one force for everyone waiting (called holding the lock; released while forcing). */
    private void lead() {
        forcing = true;
        long number = ++started;
        Throwable failed = null;
        lock.unlock();
        try {
            force.run();
        } catch (Throwable t) {
            failed = t;
        } finally {
            lock.lock();
        }
        forcing = false;
        completed = number;
        if (failed != null) {
            lastFailed = number;
            failure = failed;
        }
        finished.signalAll();
    }

    /** Forces started so far. */
    long forces() {
        lock.lock();
        try {
            return started;
        } finally {
            lock.unlock();
        }
    }
}
