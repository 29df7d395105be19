package io.crosscheck.engine.facts;

import java.util.Collection;

/**
 * The state of the pre-exercise health screen: {@code complete} (every applicable question answered, nothing
 * that changes the plan), {@code incomplete} (some applicable question unanswered, nothing positive) or
 * {@code positive} (some answer changes the plan; {@link #getUnanswered()} still counts what was not asked).
 */
public final class HealthScreen implements Conclusion {
    public static final String COMPLETE = "complete";
    public static final String INCOMPLETE = "incomplete";
    public static final String POSITIVE = "positive";

    private final String status;
    private final int count;
    private final int unanswered;

    private HealthScreen(String status, int count, int unanswered) {
        this.status = status;
        this.count = count;
        this.unanswered = unanswered;
    }

    public static HealthScreen complete(Collection<?> answers) {
        return new HealthScreen(COMPLETE, answers.size(), 0);
    }

    public static HealthScreen incomplete(Collection<?> unanswered) {
        return new HealthScreen(INCOMPLETE, unanswered.size(), unanswered.size());
    }

    public static HealthScreen positive(Collection<?> considerations, Collection<?> unanswered) {
        return new HealthScreen(POSITIVE, considerations.size(), unanswered.size());
    }

    public String getStatus() {
        return status;
    }

    public boolean isIncomplete() {
        return INCOMPLETE.equals(status);
    }

    public boolean isPositive() {
        return POSITIVE.equals(status);
    }

    public boolean isComplete() {
        return COMPLETE.equals(status);
    }

    /** Answers (complete), unanswered questions (incomplete) or considerations (positive). */
    public int getCount() {
        return count;
    }

    /** Applicable questions not answered (0 when complete). */
    public int getUnanswered() {
        return unanswered;
    }

    @Override
    public String describe() {
        return switch (status) {
            case COMPLETE -> "health screen complete: nothing in the answers changes the plan (" + count + " answers)";
            case INCOMPLETE ->
                "health screen incomplete: " + count + (count == 1 ? " applicable question" : " applicable questions")
                        + " not answered; the plan is provisional";
            default ->
                "health screen positive (" + count + (count == 1 ? " consideration" : " considerations")
                        + (unanswered > 0 ? ", " + unanswered + " questions still not answered" : "") + ")";
        };
    }
}
