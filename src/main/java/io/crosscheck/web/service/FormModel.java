package io.crosscheck.web.service;

import java.util.List;

/**
 * Everything the form template needs, fields resolved with their values and errors. {@code client} holds
 * the client section's inputs; {@code health} the domains of the pre-exercise health screen (asked beside the red
 * flags); {@code history} the answer sections asked before the physical examination, {@code examination} those
 * examined after the movement tests.
 */
public record FormModel(
        FormField clientRef,
        List<InputField> client,
        List<RedFlagDomainView> redFlags,
        List<HealthDomainView> health,
        List<SymptomRow> symptoms,
        List<SectionView> history,
        List<SectionView> examination,
        List<PostureRow> posture,
        List<MuscleRow> muscles,
        List<MovementRow> movements,
        List<String> generalErrors,
        String knowledgeBaseVersion,
        OutcomeForm.View outcomes) {

    /** The version as shown in the margin: long content hashes cut to their first characters. */
    public String shortVersion() {
        return knowledgeBaseVersion.length() > 19 ? knowledgeBaseVersion.substring(0, 19) + "…" : knowledgeBaseVersion;
    }

    /** A red-flag question and its domain, urgency and whether it refers only with another flag of the domain. */
    public record RedFlagQuestion(FormField field, boolean supportingOnly) {}

    public record RedFlagDomainView(String code, String label, String urgency, List<RedFlagQuestion> questions) {}

    /**
     * A domain of the pre-exercise health screen: its help text, who it is asked of, and its questions.
     */
    public record HealthDomainView(
            String code, String label, String help, String askedOf, List<HealthQuestion> questions) {
        public String id() {
            return "hs-" + code;
        }
    }

    /**
     * A health-screen question; {@code whenYes} / {@code whenAnyYes}: the form fields (space-separated) that must
     * all / at least one be yes for this follow-up to be asked ("" for a question asked without a parent).
     */
    public record HealthQuestion(InputField input, String whenYes, String whenAnyYes) {
        public boolean followUp() {
            return !whenYes.isEmpty() || !whenAnyYes.isEmpty();
        }
    }

    public record SymptomRow(
            int index,
            FormField region,
            FormField kind,
            FormField trigger,
            FormField nrs,
            FormField durationWeeks,
            FormField settleMinutes) {}

    public record PostureRow(String code, String label, String evidence, FormField sign, FormField value) {}

    public record SideFields(String side, FormField result, FormField value) {}

    public record MuscleRow(String code, String label, String test, List<SideFields> sides) {}

    public record MovementSide(String side, FormField result, List<FormField> substitutions, FormField value) {}

    public record MovementRow(
            String code, String name, String evidence, boolean clinicianRated, List<MovementSide> sides) {}

    public record QuestionnaireItem(int number, String text, FormField answer, List<Integer> scores) {}

    public record ScoreView(String target, String label, List<Integer> items, String value) {}

    public record QuestionnaireView(
            String code,
            String name,
            String source,
            String prompt,
            List<QuestionnaireItem> items,
            List<ScoreView> scores) {}

    /** An input of an answer section as the form shows it: {@code kind} is its type (yes_no, integer, number, choice). */
    public record InputField(String kind, FormField field, String appliesTo) {
        public boolean yesNo() {
            return kind.equals("yes_no");
        }

        public boolean choice() {
            return kind.equals("choice");
        }
    }

    /** An answer section of inputs.yaml: its inputs and the questionnaires that score some of them. */
    public record SectionView(
            String code, String label, String help, List<InputField> inputs, List<QuestionnaireView> questionnaires) {
        public String id() {
            return "sec-" + code;
        }
    }
}
