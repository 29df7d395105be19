package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;

/**
 * The state of a screen ({@link RedFlagScreen}, {@link HealthScreen}): {@code complete}, {@code incomplete} or
 * {@code positive}, with the number the status counts (answers, unanswered questions, or what was positive).
 */
@FactDoc(
        value =
                "The state of a screen (`RedFlagScreen`, `HealthScreen`): complete, incomplete or positive, with the number the status counts.",
        example = "$screen : ScreenStatus( incomplete )")
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

    @FactDoc(
            value = "The screen's state.",
            values = {"complete", "incomplete", "positive"})
    public String getStatus() {
        return status;
    }

    @FactDoc("Some applicable question was not answered (and nothing is positive, for the red-flag screen).")
    public boolean isIncomplete() {
        return INCOMPLETE.equals(status);
    }

    @FactDoc("Some answer is positive: a red flag, or a health consideration.")
    public boolean isPositive() {
        return POSITIVE.equals(status);
    }

    @FactDoc("Every applicable question answered and nothing positive.")
    public boolean isComplete() {
        return COMPLETE.equals(status);
    }

    @FactDoc("Answers (complete), unanswered questions (incomplete) or what was positive (positive).")
    public int getCount() {
        return count;
    }

    /** "3 applicable questions", "1 applicable question". */
    protected static String questions(int n) {
        return n + (n == 1 ? " applicable question" : " applicable questions");
    }
}
