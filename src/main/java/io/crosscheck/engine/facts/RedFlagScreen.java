package io.crosscheck.engine.facts;

import java.util.Collection;

/**
 * The state of the red-flag screen: {@code complete} (every applicable question answered, none
 * positive), {@code incomplete} (some applicable question unanswered) or {@code positive}.
 */
public final class RedFlagScreen implements Conclusion {
    public static final String COMPLETE = "complete";
    public static final String INCOMPLETE = "incomplete";
    public static final String POSITIVE = "positive";

    private final String status;
    private final int count;

    private RedFlagScreen(String status, int count) {
        this.status = status;
        this.count = count;
    }

    public static RedFlagScreen complete(Collection<?> answers) {
        return new RedFlagScreen(COMPLETE, answers.size());
    }

    public static RedFlagScreen incomplete(Collection<?> unanswered) {
        return new RedFlagScreen(INCOMPLETE, unanswered.size());
    }

    public static RedFlagScreen positive(Collection<?> flags) {
        return new RedFlagScreen(POSITIVE, flags.size());
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

    public int getCount() {
        return count;
    }

    @Override
    public String describe() {
        return switch (status) {
            case COMPLETE -> "red-flag screen complete and negative (" + count + " answers)";
            case INCOMPLETE ->
                "red-flag screen incomplete: " + count + (count == 1 ? " applicable question" : " applicable questions")
                        + " not answered; the plan is provisional";
            default -> "red-flag screen positive (" + count + (count == 1 ? " red flag)" : " red flags)");
        };
    }
}
