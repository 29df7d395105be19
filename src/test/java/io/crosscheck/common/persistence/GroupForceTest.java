package io.crosscheck.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The group commit barrier alone, with a force that counts (the real force on H2: DurableCommitsTest). */
class GroupForceTest {

    /** A logical clock: every commit and the start and end of every force get the next tick. */
    private final AtomicLong clock = new AtomicLong();

    private final List<long[]> forces = new ArrayList<>(); // {start, end}

    private GroupForce counting(long sleepMs) {
        return new GroupForce(() -> {
            long start = clock.incrementAndGet();
            Thread.sleep(sleepMs);
            long end = clock.incrementAndGet();
            synchronized (forces) {
                forces.add(new long[] {start, end});
            }
        });
    }

    @Test
    void aCommitAloneGetsItsOwnForceWhichStartsAfterItAndEndsBeforeItReturns() throws Exception {
        GroupForce group = counting(0);
        for (int i = 0; i < 5; i++) {
            long committed = clock.incrementAndGet();
            group.await();
            long returned = clock.incrementAndGet();
            assertThat(forces).anySatisfy(f -> {
                assertThat(f[0]).isGreaterThan(committed);
                assertThat(f[1]).isLessThan(returned);
            });
        }
        assertThat(group.forces()).isEqualTo(5);
    }

    @Test
    void concurrentCommitsShareForcesAndEachWaitsForOneThatStartedAfterIt() throws Exception {
        GroupForce group = counting(5);
        int threads = 8;
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<long[]>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                go.await();
                List<long[]> mine = new ArrayList<>(); // {committed, returned}
                for (int i = 0; i < perThread; i++) {
                    long committed = clock.incrementAndGet();
                    group.await();
                    mine.add(new long[] {committed, clock.incrementAndGet()});
                }
                return mine;
            }));
        }
        go.countDown();
        List<long[]> commits = new ArrayList<>();
        for (Future<List<long[]>> f : results) {
            commits.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(commits).hasSize(threads * perThread);
        assertThat(commits)
                .allSatisfy(c -> assertThat(forces)
                        .as("a force started after commit %d and ended before it returned at %d", c[0], c[1])
                        .anySatisfy(f -> {
                            assertThat(f[0]).isGreaterThan(c[0]);
                            assertThat(f[1]).isLessThan(c[1]);
                        }));
        assertThat(group.forces()).isLessThan(commits.size());
        System.out.printf("group force: %d commits by %d threads, %d forces%n", commits.size(), threads, forces.size());
    }

    @Test
    void forcesNeverOverlap() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        GroupForce group = new GroupForce(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(1);
            running.decrementAndGet();
        });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            all.add(pool.submit(() -> {
                group.await();
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(most.get()).isEqualTo(1);
    }

    @Test
    void aFailedForceFailsTheCommitsItCoveredAndTheNextCommitGetsAFreshForce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        GroupForce group = new GroupForce(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("disk full");
            }
        });
        assertThatThrownBy(group::await)
                .isInstanceOf(GroupForce.NotForcedException.class)
                .hasCauseInstanceOf(IOException.class);
        group.await();
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aCommitArrivingDuringAForceWaitsForTheNextOne() throws Exception {
        CountDownLatch forcing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        GroupForce group = new GroupForce(() -> {
            if (calls.incrementAndGet() == 1) {
                forcing.countDown();
                release.await();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<?> first = pool.submit(() -> {
            group.await();
            return null;
        });
        forcing.await();
        Future<?> second = pool.submit(() -> {
            group.await();
            return null;
        });
        Thread.sleep(50);
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(calls.get())
                .as("the force running when the second commit arrived does not cover it")
                .isEqualTo(2);
    }
}
