package io.crosscheck.screening.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * One outcome measure's items as the client answered them ({@code rules/reference/outcome-measures.yaml}): the item
 * scores in the instrument's order, null for an item left unanswered; for a measure whose items the client names (the
 * PSFS), the activities, one per score. The server scores it; a score is never sent.
 */
public record OutcomeAnswer(
        @NotBlank String measure,
        @Size(max = 20) List<Double> items,

        @Size(max = 10)
        List<@NotBlank @Size(max = 60) @Pattern(regexp = ACTIVITY, message = ACTIVITY_RULE) String> activities) {

    /** An activity the client names: plain words, never a name or a date (it is kept with the screening). */
    public static final String ACTIVITY = "[\\p{L}\\p{N} ,.'()/-]{1,60}";

    public static final String ACTIVITY_RULE =
            "must be 1-60 letters, digits, spaces or , . ' ( ) / - (an activity such as 'sitting for an hour')";

    public List<Double> itemsOrEmpty() {
        return items == null ? List.of() : items;
    }
}
