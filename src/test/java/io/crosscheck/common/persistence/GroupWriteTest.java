package io.crosscheck.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Items written in groups (the read audit's entries; the force of DurableCommits is GroupForceTest). */
class GroupWriteTest {

    private final List<List<Integer>> written = new ArrayList<>();

    @Test
    void anItemAloneIsWrittenAtOnceInAWriteOfItsOwn() throws Exception {
        GroupWrite<Integer> group = new GroupWrite<>(items -> written.add(List.copyOf(items)));
        for (int i = 0; i < 3; i++) {
            group.submit(i);
            assertThat(written).as("written before submit returns").hasSize(i + 1);
        }
        assertThat(written).containsExactly(List.of(0), List.of(1), List.of(2));
        assertThat(group.writes()).isEqualTo(3);
        assertThat(group.items()).isEqualTo(3);
    }

    @Test
    void itemsSubmittedDuringAWriteWaitForItAndAreWrittenTogetherInTheNextOne() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GroupWrite<Integer> group = new GroupWrite<>(items -> {
            synchronized (written) {
                written.add(List.copyOf(items));
            }
            if (items.contains(0)) {
                writing.countDown();
                release.await();
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> all = new ArrayList<>();
        all.add(pool.submit(() -> {
            group.submit(0);
            return null;
        }));
        writing.await();
        for (int i = 1; i <= 5; i++) {
            int item = i;
            all.add(pool.submit(() -> {
                group.submit(item);
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> group.waiting() == 5);
        release.countDown();
        for (Future<?> f : all) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(written).hasSize(2);
        assertThat(written.get(0)).containsExactly(0);
        assertThat(written.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(group.writes()).isEqualTo(2);
        assertThat(group.items()).isEqualTo(6);
    }

    @Test
    void aFailedWriteFailsOnlyTheItemsItWasGivenAndTheNextItemGetsAFreshWrite() throws Exception {
        GroupWrite<Integer> group = new GroupWrite<>(items -> {
            if (items.contains(1)) {
                throw new IOException("disk full");
            }
            written.add(List.copyOf(items));
        });
        assertThatThrownBy(() -> group.submit(1))
                .isInstanceOf(GroupWrite.NotWrittenException.class)
                .hasCauseInstanceOf(IOException.class);
        group.submit(2);
        assertThat(written).containsExactly(List.of(2));
    }

    @Test
    void manyConcurrentSubmittersShareWritesAndEveryItemIsWrittenExactlyOnce() throws Exception {
        GroupWrite<Integer> group = new GroupWrite<>(items -> {
            synchronized (written) {
                written.add(List.copyOf(items));
            }
            Thread.sleep(2);
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int item = i;
            all.add(pool.submit(() -> {
                group.submit(item);
                synchronized (written) {
                    assertThat(written.stream().filter(w -> w.contains(item))).hasSize(1);
                }
                return null;
            }));
        }
        for (Future<?> f : all) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(written.stream().mapToInt(List::size).sum()).isEqualTo(400);
        assertThat(written.stream().flatMap(List::stream).distinct().count()).isEqualTo(400);
        assertThat(group.writes()).isLessThan(400);
    }
}
