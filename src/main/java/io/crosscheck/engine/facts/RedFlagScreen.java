package io.crosscheck.engine.facts;

import io.crosscheck.engine.doc.FactDoc;
import java.util.Collection;

/**
 * The state of the red-flag screen: {@code complete} (every applicable question answered, none
 * positive), {@code incomplete} (some applicable question unanswered) or {@code positive}.
 */
@FactDoc(
        value =
                "The state of the red-flag screen, one per screening (SAF- rules). Created with `RedFlagScreen.complete(...)`, `incomplete(...)` or `positive(...)`.",
        example = "$screen : RedFlagScreen( incomplete )")
public final class RedFlagScreen extends ScreenStatus {

    private RedFlagScreen(String status, int count) {
        super(status, count);
    }

    @FactDoc("A complete, negative screen, counting the answers given.")
    public static RedFlagScreen complete(Collection<?> answers) {
        return new RedFlagScreen(COMPLETE, answers.size());
    }

    @FactDoc("An incomplete screen, counting the questions not answered.")
    public static RedFlagScreen incomplete(Collection<?> unanswered) {
        return new RedFlagScreen(INCOMPLETE, unanswered.size());
    }

    @FactDoc("A positive screen, counting the red flags.")
    public static RedFlagScreen positive(Collection<?> flags) {
        return new RedFlagScreen(POSITIVE, flags.size());
    }

    @Override
    public String describe() {
        int count = getCount();
        return switch (getStatus()) {
            case COMPLETE -> "red-flag screen complete and negative (" + count + " answers)";
            case INCOMPLETE ->
                "red-flag screen incomplete: " + questions(count) + " not answered; the plan is provisional";
            default -> "red-flag screen positive (" + count + (count == 1 ? " red flag)" : " red flags)");
        };
    }
}
