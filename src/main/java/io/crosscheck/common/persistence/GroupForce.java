package io.crosscheck.common.persistence;

/**
 * Group commit for a store whose commits reach the operating system but not the disk ({@link GroupWrite} of nothing but
 * the force): a thread that has committed
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

    /** Each force is a group write of the waiting threads' tokens (nothing to write but the force itself). */
    private final GroupWrite<Object> writes;

    GroupForce(Force force) {
        this.writes = new GroupWrite<>(tokens -> force.run());
    }

    /** Returns once a force started after this call has finished; throws if one that covered this call failed. */
    void await() throws NotForcedException {
        try {
            writes.submit(Boolean.TRUE);
        } catch (GroupWrite.NotWrittenException e) {
            throw new NotForcedException(
                    e.getCause() instanceof InterruptedException
                            ? "interrupted while waiting for the force"
                            : "the force covering this commit failed",
                    e.getCause());
        }
    }

    /** Forces started so far. */
    long forces() {
        return writes.writes();
    }
}
