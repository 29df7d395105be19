package io.crosscheck.engine.input;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a chart in standard terminologies is read, from {@code rules/reference/terminology.yaml}: the time windows of
 * {@link Onset} and of answers, the standard codings of Crosscheck codes that are neither inputs nor red flags
 * (symptom regions and kinds, the pain score), problems (Conditions) read as a reported symptom, and questionnaires
 * of others (e.g. the LOINC PHQ-9 form) whose items are read by linkId as a coding.
 */
public record Terminology(
        Windows windows,
        Map<String, List<Coding>> codings,
        List<Problem> problems,
        List<Questionnaire> questionnaires) {

    public Terminology {
        codings = codings == null ? Map.of() : Map.copyOf(codings);
        problems = problems == null ? List.of() : List.copyOf(problems);
        questionnaires = questionnaires == null ? List.of() : List.copyOf(questionnaires);
    }

    /** Days: what counts as a new onset, a recent one, and how old an answer may be and still describe now. */
    public record Windows(int newOnsetDays, int recentDays, int answerMaxAgeDays, String source) {
        public int days(Onset onset) {
            return onset == Onset.RECENT ? recentDays : newOnsetDays;
        }
    }

    /** A problem (Condition) that is a reported symptom of a region and kind, by any of its codings. */
    public record Problem(String region, String kind, List<Coding> coding) {
        public Problem {
            coding = coding == null ? List.of() : List.copyOf(coding);
        }
    }

    /** A questionnaire Crosscheck did not write, by canonical URL; each item read is the coding given. */
    public record Questionnaire(String url, String title, List<Item> items) {
        public Questionnaire {
            items = items == null ? List.of() : List.copyOf(items);
        }

        public Optional<Coding> item(String linkId) {
            return items.stream()
                    .filter(i -> i.linkId().equals(linkId))
                    .map(Item::coding)
                    .findFirst();
        }
    }

    /** An item of a questionnaire and the standard coding its answer is. */
    public record Item(String linkId, Coding coding) {}

    /** The questionnaire with this canonical URL (a {@code |version} is ignored). */
    public Optional<Questionnaire> questionnaire(String canonical) {
        String url = canonical == null ? null : canonical.replaceFirst("\\|.*$", "");
        return questionnaires.stream().filter(q -> q.url().equals(url)).findFirst();
    }
}
