package io.crosscheck.authoring.sandbox;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The common pool's thread factory in the sandboxed check
 * ({@code -Djava.util.concurrent.ForkJoinPool.common.threadFactory}). Under a SecurityManager the JDK's
 * own factories give the common pool's threads (parallel scenarios, the lint) almost no permission, so
 * the rule compiler fails on them; these threads have the process's policy, like every other thread there.
 */
public final class SandboxThreads implements ForkJoinPool.ForkJoinWorkerThreadFactory {

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        ForkJoinWorkerThread t = new ForkJoinWorkerThread(pool) {};
        t.setDaemon(true);
        return t;
    }
}
