package io.crosscheck.engine.facts;

import java.util.Collection;

/**
 * The state of the pre-exercise health screen: {@code complete} (every applicable question answered, nothing
 * that changes the plan), {@code incomplete} (some applicable question unanswered, nothing positive) or
 * {@code positive} (some answer changes the plan; {@link #getUnanswered()} still counts what was not asked).
 */
public final class HealthScreen extends ScreenStatus {

    private final int unanswered;

    private HealthScreen(String status, int count, int unanswered) {
        super(status, count);
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

    /** Applicable questions not answered (0 when complete). */
    public int getUnanswered() {
        return unanswered;
    }

    @Override
    public String describe() {
        int count = getCount();
        return switch (getStatus()) {
            case COMPLETE -> "health screen complete: nothing in the answers changes the plan (" + count + " answers)";
            case INCOMPLETE ->
                "health screen incomplete: " + questions(count) + " not answered; the plan is provisional";
            default ->
                "health screen positive (" + count + (count == 1 ? " consideration" : " considerations")
                        + (unanswered > 0 ? ", " + unanswered + " questions still not answered" : "") + ")";
        };
    }
}
