package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;
import java.util.Collection;

/**
 * The state of the pre-exercise health screen: {@code complete} (every applicable question answered, nothing
 * that changes the plan), {@code incomplete} (some applicable question unanswered, nothing positive) or
 * {@code positive} (some answer changes the plan; {@link #getUnanswered()} still counts what was not asked).
 */
@FactDoc(
        value =
                "The state of the pre-exercise health screen, one per screening once the health-screen rules have run (HSC- rules). Created with `HealthScreen.complete(...)`, `incomplete(...)` or `positive(...)`.",
        example = "$screen : HealthScreen( positive )")
public final class HealthScreen extends ScreenStatus {

    private final int unanswered;

    private HealthScreen(String status, int count, int unanswered) {
        super(status, count);
        this.unanswered = unanswered;
    }

    @FactDoc("A complete screen, counting the answers given.")
    public static HealthScreen complete(Collection<?> answers) {
        return new HealthScreen(COMPLETE, answers.size(), 0);
    }

    @FactDoc("An incomplete screen, counting the questions not answered.")
    public static HealthScreen incomplete(Collection<?> unanswered) {
        return new HealthScreen(INCOMPLETE, unanswered.size(), unanswered.size());
    }

    @FactDoc("A positive screen, counting the considerations, and the questions still not answered.")
    public static HealthScreen positive(Collection<?> considerations, Collection<?> unanswered) {
        return new HealthScreen(POSITIVE, considerations.size(), unanswered.size());
    }

    @FactDoc("Applicable questions not answered (0 when complete; a positive screen still counts them).")
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
