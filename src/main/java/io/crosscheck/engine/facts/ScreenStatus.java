package io.crosscheck.engine.facts;

/**
 * The state of a screen ({@link RedFlagScreen}, {@link HealthScreen}): {@code complete}, {@code incomplete} or
 * {@code positive}, with the number the status counts (answers, unanswered questions, or what was positive).
 */
public abstract class ScreenStatus implements Conclusion {
    public static final String COMPLETE = "complete";
    public static final String INCOMPLETE = "incomplete";
    public static final String POSITIVE = "positive";

    private final String status;
    private final int count;

    protected ScreenStatus(String status, int count) {
        this.status = status;
        this.count = count;
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

    /** Answers (complete), unanswered questions (incomplete) or what was positive (positive). */
    public int getCount() {
        return count;
    }

    /** "3 applicable questions", "1 applicable question". */
    protected static String questions(int n) {
        return n + (n == 1 ? " applicable question" : " applicable questions");
    }
}
