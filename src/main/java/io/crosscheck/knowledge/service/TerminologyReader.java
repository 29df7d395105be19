package io.crosscheck.knowledge.service;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.input.Coding;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputType;
import io.crosscheck.engine.input.Terminology;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks {@code rules/reference/terminology.yaml} and every standard coding of the reference data together, so a
 * knowledge base whose chart reading cannot work is refused: windows that are not positive, a problem of an unknown
 * region or kind, a coding under a code that is no region, symptom kind or pain score, a questionnaire item whose
 * coding reads nothing, a score coding on an input that is not yes/no, and one coding standing for two codes.
 */
final class TerminologyReader {

    static final String FILE = "terminology.yaml";

    /** For a knowledge base without the file (written before it existed): the shipped windows, no codings. */
    static final Terminology DEFAULTS = new Terminology(
            new Terminology.Windows(42, 90, 365, "defaults: the knowledge base has no terminology.yaml"),
            null,
            null,
            null);

    private TerminologyReader() {}

    static boolean check(ReferenceData data, String path, List<KnowledgeProblem> problems) {
        int before = problems.size();
        Terminology t = data.terminology();
        Terminology.Windows w = t.windows();
        if (w == null || w.newOnsetDays() <= 0 || w.recentDays() < w.newOnsetDays() || w.answerMaxAgeDays() <= 0) {
            problem(
                    problems,
                    path,
                    "windows: newOnsetDays > 0, recentDays >= newOnsetDays and answerMaxAgeDays > 0 are needed");
        }
        Vocabulary.SymptomCodes symptoms = data.vocabulary().symptoms();
        Set<String> regions = new HashSet<>();
        symptoms.regions().forEach(r -> regions.add(r.code()));
        Set<String> kinds = new HashSet<>();
        symptoms.kinds().forEach(k -> kinds.add(k.code()));
        Set<String> codingKeys = new HashSet<>(List.of("pain-nrs"));
        regions.forEach(r -> codingKeys.add("region." + r));
        kinds.forEach(k -> codingKeys.add("symptom-kind." + k));

        Map<String, String> meaning = new HashMap<>();
        for (Map.Entry<String, List<Coding>> e : t.codings().entrySet()) {
            if (!codingKeys.contains(e.getKey())) {
                problem(problems, path, "codings: '" + e.getKey() + "' is no symptom region, symptom kind or pain-nrs");
            }
            e.getValue().forEach(c -> once(meaning, c, e.getKey(), path, problems));
        }
        for (Terminology.Problem p : t.problems()) {
            if (!regions.contains(p.region()) || !kinds.contains(p.kind())) {
                problem(problems, path, "problem " + p.region() + "/" + p.kind() + ": unknown symptom region or kind");
            }
            p.coding().forEach(c -> once(meaning, c, "symptom:" + p.region() + "/" + p.kind(), path, problems));
        }
        for (RedFlagDefinition f : data.redFlags()) {
            f.getCodings().forEach(c -> once(meaning, c, "red-flag." + f.getCode(), path, problems));
        }
        for (InputDefinition i : data.inputs().inputs()) {
            for (Coding c : i.codings()) {
                once(meaning, c, i.crosscheckCode(), path, problems);
                if (c.scoreFrom() != null && i.type() != InputType.YES_NO) {
                    problem(
                            problems,
                            path,
                            "input " + i.code() + ": a coding with scoreFrom answers yes/no inputs only");
                }
            }
        }
        for (Terminology.Questionnaire q : t.questionnaires()) {
            for (Terminology.Item item : q.items()) {
                if (item.coding() == null || !meaning.containsKey(item.coding().key())) {
                    problem(
                            problems,
                            path,
                            "questionnaire " + q.url() + " item " + item.linkId()
                                    + ": its coding is no coding of an input, red flag or symptom");
                }
            }
        }
        return problems.size() == before;
    }

    /** A coding stands for one thing only: the same system|code under two codes would be read arbitrarily. */
    private static void once(
            Map<String, String> meaning, Coding c, String code, String path, List<KnowledgeProblem> problems) {
        if (c.system() == null || c.code() == null) {
            problem(problems, path, code + ": a coding needs system and code");
            return;
        }
        String other = meaning.putIfAbsent(c.key(), code);
        if (other != null && !other.equals(code)) {
            problem(problems, path, "coding " + c.key() + " stands for both " + other + " and " + code);
        }
    }

    private static void problem(List<KnowledgeProblem> problems, String path, String message) {
        problems.add(new KnowledgeProblem(path, 0, 0, message));
    }
}
