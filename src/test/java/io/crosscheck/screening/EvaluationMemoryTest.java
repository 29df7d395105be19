package io.crosscheck.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * No garbage of a screening survives it: 100,000 evaluations through the one evaluation path leave
 * the heap after a full GC where it was after the first few thousand. Measures memory, never time.
 * A heavy suite (about a minute of evaluations): run once, on the CI's H2 leg (left out with the {@code heavy} group).
 */
@Tag("heavy")
class EvaluationMemoryTest {

    private static final int EVALUATIONS = 100_000;
    /** Slack for what the JVM itself grows (JIT metadata, class data); a leak of one result each would be gigabytes. */
    private static final long ALLOWED_GROWTH = 16L << 20;

    @Test
    void hundredThousandEvaluationsLeaveTheHeapFlatAfterGc() {
        // as in the service: Drools logs at WARN (else its trace calls format every tuple, which only costs time)
        org.jboss.logmanager.LogContext.getSystemLogContext()
                .getLogger("org.drools")
                .setLevel(java.util.logging.Level.WARNING);
        KnowledgeBase kb = RuleHarness.shipped().knowledgeBase();
        ScreeningEvaluator evaluator = ScreeningEvaluator.standalone(10_000);
        ScreeningRequest[] requests = {
            evaluator.read(Requests.ARTICLE_DESK_WORKER),
            evaluator.read(Requests.ARTICLE_WITH_SADDLE_NUMBNESS),
            evaluator.read(Requests.ARTICLE_WITHOUT_RED_FLAG_ANSWERS),
            evaluator.read("{\"client\":{\"age\":40}}")
        };
        int warmUp = 5_000;
        ScreeningResult last = null;
        for (int i = 0; i < warmUp; i++) {
            last = evaluator.evaluate(requests[i % requests.length], kb);
        }
        long before = heapAfterGc();
        for (int i = warmUp; i < EVALUATIONS; i++) {
            last = evaluator.evaluate(requests[i % requests.length], kb);
        }
        long after = heapAfterGc();

        assertThat(last.patterns()).isNotEmpty();
        assertThat(after - before)
                .as(
                        "heap growth after GC over %d evaluations (%d KB before, %d KB after)",
                        EVALUATIONS - warmUp, before >> 10, after >> 10)
                .isLessThan(ALLOWED_GROWTH);
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // a few rounds: one System.gc() may leave some of it to the next cycle
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
