package io.crosscheck.screening.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.crosscheck.engine.explain.Explanation;
import io.crosscheck.engine.facts.PatternStatus;
import io.crosscheck.engine.facts.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The answer to one screening: patterns with their status and evidence note, the red-flag outcome,
 * the intervention plan, and the derivation graph that explains all of it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScreeningResult(
        UUID id,
        Instant createdAt,
        String clientRef,
        KnowledgeBaseRef knowledgeBase,
        String disclaimer,
        Summary summary,
        List<PatternResult> patterns,
        RedFlagOutcome redFlags,
        HealthScreenOutcome healthScreen,
        List<InterventionResult> interventions,
        List<WithheldIntervention> withheld,
        List<PrecautionResult> precautions,
        List<String> contributors,
        List<String> yellowFlags,
        FollowUpResult followUp,
        Explanation explanation) {

    public static final String DISCLAIMER =
            "Screening heuristics, not a diagnosis: findings are described as consistent "
                    + "with a pattern (Janda's crossed syndromes are weakly validated clinical patterns). Clinical reasoning decides.";

    public ScreeningResult withIdentity(UUID id, Instant createdAt) {
        return new ScreeningResult(
                id,
                createdAt,
                clientRef,
                knowledgeBase,
                disclaimer,
                summary,
                patterns,
                redFlags,
                healthScreen,
                interventions,
                withheld,
                precautions,
                contributors,
                yellowFlags,
                followUp,
                explanation);
    }

    /**
     * A pattern status or referral urgency as the result writes it: the engine enum's name in lower case
     * ({@code consistent}, {@code urgent}); null for null.
     */
    /** Whether a referral came from the health screen: its domain is that of one of the screen's considerations. */
    public boolean fromHealthScreen(ReferralResult referral) {
        return healthScreen != null
                && healthScreen.considerations() != null
                && healthScreen.considerations().stream()
                        .anyMatch(c -> referral.domain().equals(c.domain()));
    }

    public static String code(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    /** The engine's {@link PatternStatus} of a status as the result writes it; null when absent or unknown. */
    public static PatternStatus patternStatus(String status) {
        return parse(PatternStatus.class, status);
    }

    /** The engine's {@link Urgency} of an urgency as the result writes it; null when absent or unknown ({@code none}). */
    public static Urgency urgency(String urgency) {
        return parse(Urgency.class, urgency);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String code) {
        if (code == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(code)) {
                return e;
            }
        }
        return null;
    }

    /** Where the complete explanation of a stored screening is served. */
    public static String explanationPath(UUID id) {
        return "/api/v1/screenings/" + id + "/explanation";
    }

    /** The default response: the same result with the compact explanation ({@link Explanation#compact(String)}). */
    public ScreeningResult compact() {
        return withExplanation(explanation == null ? null : explanation.compact(explanationPath(id)));
    }

    public ScreeningResult withExplanation(Explanation replacement) {
        return new ScreeningResult(
                id,
                createdAt,
                clientRef,
                knowledgeBase,
                disclaimer,
                summary,
                patterns,
                redFlags,
                healthScreen,
                interventions,
                withheld,
                precautions,
                contributors,
                yellowFlags,
                followUp,
                replacement);
    }

    public ScreeningResult withoutExplanation() {
        return new ScreeningResult(
                id,
                createdAt,
                clientRef,
                knowledgeBase,
                disclaimer,
                summary,
                patterns,
                redFlags,
                healthScreen,
                interventions,
                withheld,
                precautions,
                contributors,
                yellowFlags,
                followUp,
                null);
    }

    /**
     * What the result leads with: the red-flag screen status (complete / incomplete / positive),
     * whether the plan is provisional (screen incomplete) or withheld (referral pending), and a
     * one-sentence headline: the referral when there is one, the incomplete screen when it is
     * incomplete, otherwise the screen and pattern outcome.
     */
    public record Summary(String redFlagScreen, String healthScreen, String plan, String headline) {}

    /**
     * The pre-exercise health screen: complete, incomplete or positive; the applicable questions not answered,
     * by domain; and the considerations positive answers raised, each with its reason.
     */
    public record HealthScreenOutcome(
            String status,
            List<UnansweredDomain> unanswered,
            List<Consideration> considerations,
            String because,
            String ruleId) {}

    /** What one positive health-screen answer means for the plan. */
    public record Consideration(String code, String domain, String text, String because, String ruleId) {}

    /** Which knowledge base produced the result. */
    public record KnowledgeBaseRef(String version, Instant loadedAt) {}

    /**
     * A pattern's status, the findings behind it and, while it is open, the tests that would settle it
     * (most decisive first). {@code assessment} is "assessed", or "not assessed while a referral is
     * pending": the pattern is then kept for the record only.
     */
    public record PatternResult(
            String code,
            String name,
            String status,
            String assessment,
            String statement,
            String because,
            String evidenceNote,
            List<FindingResult> findings,
            List<SubtypeResult> subtypes,
            List<AbsentEvidence> evidenceMissing,
            List<TestResult> missingTests,
            String conclusionId,
            String ruleId) {

        /** {@link #status()} as the engine's enum; null when unknown. */
        @JsonIgnore
        public PatternStatus patternStatus() {
            return ScreeningResult.patternStatus(status);
        }
    }

    /** A finding counted towards a pattern. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingResult(
            String code,
            String label,
            String category,
            String side,
            String because,
            String evidenceNote,
            String conclusionId,
            String ruleId) {}

    /** Evidence a pattern can draw on that is absent: the finding, its tests and whether any was performed. */
    public record AbsentEvidence(String finding, String label, List<String> tests, boolean tested) {}

    /** A subtype the findings lean towards, e.g. lower-crossed subtype A. */
    public record SubtypeResult(String code, String label, String because, String ruleId) {}

    /** A precaution on how to deliver the plan, with its reason. */
    public record PrecautionResult(String code, String text, String because, String ruleId) {}

    /** A test not performed that would help settle an open pattern. */
    public record TestResult(String code, String name, String evidenceNote, String conclusionId) {}

    /** Whether the client must be referred, how urgently, and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RedFlagOutcome(
            boolean referral,
            String urgency,
            boolean exerciseWithheld,
            List<ReferralResult> referrals,
            ScreenResult screen) {}

    /**
     * The red-flag screen: complete, incomplete or positive, and the applicable questions not answered,
     * by domain (when positive, only those of the referred domains: the questions that decide the referral).
     */
    public record ScreenResult(String status, List<UnansweredDomain> unanswered, String because, String ruleId) {}

    /** The unanswered questions of one red-flag or health-screen domain. */
    public record UnansweredDomain(String domain, String label, List<Question> questions) {}

    /** One screen question by code and label. */
    public record Question(String code, String label) {}

    /**
     * One referral domain with the red flags (or health-screen answers) that raised it; {@code purpose} says what
     * it is for ("to exclude cauda equina syndrome", "for medical clearance before exercise").
     */
    public record ReferralResult(
            String domain,
            String label,
            String purpose,
            String urgency,
            List<String> reasons,
            List<String> ruleIds,
            String conclusionId) {

        /** A result stored before referrals had a purpose reads as the red-flag referral it was. */
        public ReferralResult {
            purpose = purpose == null && label != null ? "to exclude " + label : purpose;
        }

        /** {@link #urgency()} as the engine's enum; null when unknown. */
        @JsonIgnore
        public Urgency referralUrgency() {
            return ScreeningResult.urgency(urgency);
        }
    }

    /**
     * One recommended intervention with every reason that calls for it, listed in Janda's sequence; {@code priority}
     * ranks it by what to do first (1 = first) and {@code findingsAddressed} counts the distinct findings its reasons
     * name (both null in a result stored before ranking; the order: PlanAssembler).
     */
    public record InterventionResult(
            String id,
            String name,
            String category,
            int phase,
            List<String> targets,
            String dose,
            String precautions,
            List<String> rationale,
            List<String> ruleIds,
            List<String> conclusionIds,
            List<Question> dependsOn,
            Integer priority,
            Integer findingsAddressed) {

        /** A result stored before items could depend on a question depends on none. */
        public InterventionResult {
            dependsOn = dependsOn == null ? List.of() : dependsOn;
        }
    }

    /** An indicated intervention withheld by a safety gate. */
    public record WithheldIntervention(String id, String name, String reason, String ruleId) {}
}
