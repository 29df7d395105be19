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
        List<Problem> problems,
        String scopeSummary,
        String knowledgeBaseVersion,
        OutcomeForm.View outcomes) {

    /** A field the API refused: the form's error summary links to it ({@code id}) with its label and message. */
    public record Problem(String id, String label, String message) {}

    /**
     * Who a part of the form is for ({@link FormScope}): {@code kind} domain (red flags: every domain while no region is
     * entered), test (posture, muscle length, movement: every test while no region is entered) or input (a question,
     * questionnaire or outcome measure: as the engine applies it); the symptom regions, age band, sexes and the yes/no
     * fields that bring it in whatever they are (space-separated; "" for none); {@code out} when it is folded now
     * (not for this client and holding no answer). The page's script decides again from the same attributes.
     */
    public record Scope(
            String kind, String regions, String minAge, String maxAge, String sexes, String orWhenYes, boolean out) {
        /** The class that folds it, with its leading space; "" when shown. */
        public String folded() {
            return out ? " out-of-scope" : "";
        }
    }

    /** How many parts of a section ({@code sec-...} id) are folded now, not being for this client. */
    public long folded(String section) {
        return switch (section) {
            case "sec-redflags" ->
                redFlags.stream().filter(d -> d.scope().out()).count();
            case "sec-health" ->
                health.stream()
                        .flatMap(d -> d.questions().stream())
                        .filter(q -> q.input().scope().out())
                        .count();
            case "sec-outcomes" ->
                outcomes.measures().stream().filter(m -> m.scope().out()).count();
            case "sec-posture" -> posture.stream().filter(p -> p.scope().out()).count();
            case "sec-length" -> muscles.stream().filter(m -> m.scope().out()).count();
            case "sec-movement" ->
                movements.stream().filter(m -> m.scope().out()).count();
            default ->
                java.util.stream.Stream.concat(history.stream(), examination.stream())
                        .filter(s -> s.id().equals(section))
                        .mapToLong(s ->
                                s.inputs().stream().filter(i -> i.scope().out()).count()
                                        + s.questionnaires().stream()
                                                .filter(q -> q.scope().out())
                                                .count())
                        .sum();
        };
    }

    /** The version as shown in the margin: long content hashes cut to their first characters. */
    public String shortVersion() {
        return knowledgeBaseVersion.length() > 19 ? knowledgeBaseVersion.substring(0, 19) + "…" : knowledgeBaseVersion;
    }

    /** A red-flag question and its domain, urgency and whether it refers only with another flag of the domain. */
    public record RedFlagQuestion(FormField field, boolean supportingOnly) {}

    public record RedFlagDomainView(
            String code, String label, String urgency, List<RedFlagQuestion> questions, Scope scope) {}

    /**
     * A domain of the pre-exercise health screen: its help text, who it is asked of, and its questions.
     */
    public record HealthDomainView(
            String code, String label, String help, String askedOf, List<HealthQuestion> questions) {
        public String id() {
            return "hs-" + code;
        }

        /** The class that folds the domain, with its leading space, when none of its first questions is for this client. */
        public String folded() {
            return questions.stream()
                            .filter(q -> !q.followUp())
                            .allMatch(q -> q.input().scope().out())
                    ? " out-of-scope"
                    : "";
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

    public record PostureRow(
            String code, String label, String evidence, FormField sign, FormField value, Scope scope) {}

    public record SideFields(String side, FormField result, FormField value) {}

    public record MuscleRow(String code, String label, String test, List<SideFields> sides, Scope scope) {}

    public record MovementSide(String side, FormField result, List<FormField> substitutions, FormField value) {}

    public record MovementRow(
            String code, String name, String evidence, boolean clinicianRated, List<MovementSide> sides, Scope scope) {}

    public record QuestionnaireItem(int number, String text, FormField answer, List<Integer> scores) {}

    public record ScoreView(String target, String label, List<Integer> items, String value) {}

    public record QuestionnaireView(
            String code,
            String name,
            String source,
            String prompt,
            List<QuestionnaireItem> items,
            List<ScoreView> scores,
            Scope scope) {}

    /** An input of an answer section as the form shows it: {@code kind} is its type (yes_no, integer, number, choice). */
    public record InputField(String kind, FormField field, String appliesTo, Scope scope) {
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
