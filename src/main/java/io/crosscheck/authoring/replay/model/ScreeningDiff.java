package io.crosscheck.authoring.replay.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.List;

/**
 * Every difference between the results of one request under the current and the candidate knowledge base
 * ({@link ResultComparison}): findings, pattern statuses and subtypes, tests suggested, the referral (urgency,
 * domains, screens), interventions and their doses, precautions, withheld items and their reasons,
 * contributors and yellow flags. Each change says, in clinical words, what changed, which rules concluded it
 * and what it rests on; {@code rulesStarted} and {@code rulesStopped} are the rules that fire under only one of
 * the two.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ScreeningDiff(List<Change> changes, List<String> rulesStarted, List<String> rulesStopped) {

    public static final String ABSENT = "absent";
    public static final String NO_REFERRAL = "none";

    public ScreeningDiff {
        changes = List.copyOf(changes);
        rulesStarted = List.copyOf(rulesStarted);
        rulesStopped = List.copyOf(rulesStopped);
    }

    /**
     * One difference.
     *
     * @param kind    the key the report counts by, e.g. {@code LCS consistent->partial}, {@code referral
     *                none->urgent}, {@code intervention added childs_pose}, {@code dose changed hip_flexor_stretch},
     *                {@code finding removed forward_head}, {@code precaution added PRE-002}
     * @param label   the change in clinical words ("Hip-flexor stretch: dose 'hold 30 s' becomes 'hold 60 s'")
     * @param rules   the rules that concluded the item on either side
     * @param because the facts it rests on, as the result explains them (either side's)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Change(String kind, String label, List<String> rules, String because) {
        public Change {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    public static ScreeningDiff between(ScreeningResult current, ScreeningResult candidate) {
        return ResultComparison.compare(current, candidate);
    }

    /** True when the two results do not differ in anything a clinician or client would see. */
    public boolean none() {
        return changes.isEmpty();
    }

    /** Each change's kind, the keys the report counts by. */
    public List<String> kinds() {
        return changes.stream().map(Change::kind).toList();
    }
}
