package io.crosscheck.engine.outcome;

import io.crosscheck.engine.KnowledgeSource;
import java.util.List;
import java.util.Optional;

/**
 * The outcome measures a screening can record and what a follow-up visit records about the previous home programme
 * ({@code rules/reference/outcome-measures.yaml}). The server scores every measure ({@link OutcomeScoring}); rules see
 * the scores ({@code OutcomeScore}) and the follow-up ({@code ProgrammeFeedback}).
 *
 * @param measures the measures, in the order the form and the history show them
 * @param followUp the codes of how often a home exercise was done and how it was tolerated
 */
public record OutcomeMeasures(List<Measure> measures, FollowUpCodes followUp) {

    public static final String FILE = KnowledgeSource.RULES + "reference/outcome-measures.yaml";

    /** A knowledge base written before the file existed: no measures, no follow-up codes. */
    public static final OutcomeMeasures NONE = new OutcomeMeasures(List.of(), new FollowUpCodes(List.of(), List.of()));

    public OutcomeMeasures {
        measures = measures == null ? List.of() : List.copyOf(measures);
        followUp = followUp == null ? new FollowUpCodes(List.of(), List.of()) : followUp;
    }

    public Optional<Measure> measure(String code) {
        return measures.stream().filter(m -> m.code().equals(code)).findFirst();
    }

    /** How a measure's items make its score. */
    public enum Scoring {
        /** the one item is the score */
        single,
        /** the mean of the items answered */
        mean,
        /** sum / (itemMax x items answered) x 100 */
        percent
    }

    /** Which way a score improves. */
    public enum Better {
        lower,
        higher
    }

    /**
     * One measure. {@code items} are the instrument's items (their topic, never a licensed wording); a measure with
     * {@code activities} has items the client names instead (1 to {@code maxItems}). {@code wording}: {@code public} or
     * {@code licensed} (scores only).
     */
    public record Measure(
            String code,
            String name,
            String shortName,
            List<Item> items,
            Boolean activities,
            Integer maxItems,
            int itemMin,
            int itemMax,
            Scoring scoring,
            int maxMissing,
            double min,
            double max,
            String unit,
            Better better,
            Mcid mcid,
            AppliesTo appliesTo,
            String wording,
            List<String> sources) {

        public Measure {
            items = items == null ? List.of() : List.copyOf(items);
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        /** Whether the client names the items (the PSFS). */
        public boolean namedByClient() {
            return Boolean.TRUE.equals(activities);
        }

        /** How many items a request sends: the instrument's, or at most {@code maxItems} activities. */
        public int itemCount() {
            return namedByClient() ? (maxItems == null ? 5 : maxItems) : items.size();
        }

        /** Whether the wording is licensed: the item scores only are recorded. */
        public boolean scoresOnly() {
            return "licensed".equals(wording);
        }

        /** Whether the form offers it for a client with symptoms in these regions (no appliesTo: everyone). */
        public boolean appliesTo(java.util.Collection<String> regions) {
            return appliesTo == null
                    || appliesTo.regions() == null
                    || appliesTo.regions().isEmpty()
                    || appliesTo.regions().stream().anyMatch(regions::contains);
        }
    }

    /** An item of an instrument: its topic. */
    public record Item(String label) {}

    /** The minimal clinically important difference, in the score's unit, and where it comes from. */
    public record Mcid(double value, String note) {}

    /** Who a measure is offered to on the form. */
    public record AppliesTo(List<String> regions) {}

    /** One code of the follow-up: what rules match and the form shows. */
    public record Code(String code, String label) {}

    /** How often the client did a home exercise ({@code done}) and how they tolerated it ({@code tolerance}). */
    public record FollowUpCodes(List<Code> done, List<Code> tolerance) {
        public FollowUpCodes {
            done = done == null ? List.of() : List.copyOf(done);
            tolerance = tolerance == null ? List.of() : List.copyOf(tolerance);
        }

        public Optional<Code> done(String code) {
            return done.stream().filter(c -> c.code().equals(code)).findFirst();
        }

        public Optional<Code> tolerance(String code) {
            return tolerance.stream().filter(c -> c.code().equals(code)).findFirst();
        }
    }
}
