package io.crosscheck.authoring.lint;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.json.Yaml;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.RuleEngine;
import io.crosscheck.engine.RuleInfo;
import io.crosscheck.engine.drl.ParsedRule;
import io.crosscheck.engine.drl.ParsedRule.ParsedLiteral;
import io.crosscheck.engine.drl.ParsedRule.ParsedPattern;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.TestedBy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a compiled knowledge base for what the compiler cannot see: every rule documented (kb-doc
 * front matter read as YAML) and every page backed by a rule; every code a rule compares against
 * exists in the vocabulary or the reference data (otherwise the condition can never match, so the
 * rule can never fire); every catalogue intervention is recommended by some rule and documented;
 * every rule belongs to a stage (a rule outside the stages would run after the safety gate); no
 * constraint compares an optional input without requiring that it was sent ({@link AbsenceCheck}); the client's
 * texts and pictures fit the catalogue and read plainly ({@link HomeProgrammeCheck}). Rules
 * are read through the engine's DRL parser ({@link KnowledgeBase#parsedRules()}), never with regular
 * expressions. Problems are located as {@code file:line:column}.
 */
public final class KnowledgeBaseLinter {

    public static final String RULE_DOCS = KnowledgeSource.DOCS + "rules/";
    public static final String INTERVENTION_DOCS = KnowledgeSource.DOCS + "interventions/";
    static final String CATALOGUE = KnowledgeSource.RULES + "reference/interventions.yaml";
    private static final ObjectMapper YAML = Yaml.strictMapper();

    public List<KnowledgeProblem> lint(KnowledgeBase kb) {
        List<KnowledgeProblem> problems = new ArrayList<>();
        Placeholders.check(kb.source(), problems);
        checkDocs(kb, problems);
        Set<String> recommended = checkLiterals(kb, new KnownCodes(kb), problems);
        checkCatalogue(kb, recommended, problems);
        AbsenceCheck.check(kb.parsedRules(), problems);
        HomeProgrammeCheck.check(kb.source(), kb.reference(), problems);
        Set<String> tests =
                kb.reference().tests().stream().map(t -> t.getCode()).collect(Collectors.toSet());
        kb.reference().redFlags().stream()
                .flatMap(f -> f.getTestsAfterAnswer().stream().map(t -> f.getDomain() + " testsAfterAnswer " + t))
                .filter(named -> !tests.contains(named.substring(named.lastIndexOf(' ') + 1)))
                .distinct()
                .forEach(named -> problems.add(new KnowledgeProblem(
                        KnowledgeSource.RULES + "reference/red-flags.yaml",
                        1,
                        1,
                        "red-flag domain " + named + " is not a known test, so it can never be held")));
        for (RuleInfo r : kb.rules()) {
            if (!RuleEngine.STAGES.contains(r.stage())) {
                problems.add(new KnowledgeProblem(
                        r.file(),
                        r.line(),
                        1,
                        "rule " + r.id() + " is in no stage (ruleflow-group " + String.join(", ", RuleEngine.STAGES)
                                + "): it would run after the safety gate"));
            }
        }
        return problems;
    }

    private static void checkDocs(KnowledgeBase kb, List<KnowledgeProblem> problems) {
        KnowledgeSource source = kb.source();
        Set<String> ids = kb.rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        for (RuleInfo r : kb.rules()) {
            String page = r.docPath();
            String text = source.files().get(page);
            if (text == null) {
                problems.add(
                        new KnowledgeProblem(r.file(), r.line(), 1, "rule " + r.id() + " has no kb-doc page " + page));
                continue;
            }
            try {
                JsonNode front = FrontMatter.read(text, YAML);
                if (front == null || !r.id().equals(front.path("id").asText(null))) {
                    problems.add(new KnowledgeProblem(page, 1, 1, "kb-doc front matter does not say id: " + r.id()));
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                problems.add(new KnowledgeProblem(
                        page,
                        at == null ? 1 : at.getLineNr() + 1,
                        at == null ? 1 : at.getColumnNr(),
                        "kb-doc front matter is not valid YAML: " + e.getOriginalMessage()));
            }
        }
        source.files().keySet().stream()
                .filter(p -> p.startsWith(RULE_DOCS) && p.endsWith(".md"))
                .forEach(p -> {
                    String id = p.substring(RULE_DOCS.length(), p.length() - 3);
                    if (!ids.contains(id)) {
                        problems.add(new KnowledgeProblem(
                                p, 1, 1, "kb-doc page for " + id + " but no rule has @id(\"" + id + "\")"));
                    }
                });
    }

    /** Checks every literal in every pattern constraint; returns the intervention ids some rule matches on. */
    private static Set<String> checkLiterals(KnowledgeBase kb, KnownCodes known, List<KnowledgeProblem> problems) {
        Set<String> recommended = new HashSet<>();
        for (ParsedRule rule : kb.parsedRules()) {
            for (ParsedPattern pattern : rule.patterns()) {
                known.forType(pattern.type()).ifPresent(codes -> {
                    for (ParsedLiteral literal : pattern.literals()) {
                        if (pattern.type().endsWith("InterventionDefinition")) {
                            recommended.add(literal.value());
                        }
                        if (!KnownCodes.accepts(codes, literal.value())) {
                            problems.add(new KnowledgeProblem(
                                    rule.file(),
                                    literal.line(),
                                    literal.column(),
                                    "\"" + literal.value() + "\" is not a known code for " + pattern.type()
                                            + ", so this condition can never match (see rules/reference/*.yaml)"));
                        }
                    }
                });
            }
        }
        return recommended;
    }

    private static void checkCatalogue(KnowledgeBase kb, Set<String> recommended, List<KnowledgeProblem> problems) {
        Map<String, JsonLocation> entries = idLocations(kb.source().files().getOrDefault(CATALOGUE, ""));
        for (InterventionDefinition i : kb.reference().interventions()) {
            JsonLocation at = entries.get(i.getId());
            int line = at == null ? 1 : at.getLineNr();
            int column = at == null ? 1 : at.getColumnNr();
            if (!recommended.contains(i.getId())) {
                problems.add(new KnowledgeProblem(
                        CATALOGUE,
                        line,
                        column,
                        "intervention " + i.getId() + " is in the catalogue but no rule recommends it"));
            }
            for (String unknown : unknownTestedBy(kb, i)) {
                problems.add(new KnowledgeProblem(
                        CATALOGUE,
                        line,
                        column,
                        "intervention " + i.getId() + " testedBy names " + unknown
                                + ", which is not in the vocabulary or findings, so the test can never be matched"));
            }
            if (!kb.source().files().containsKey(INTERVENTION_DOCS + i.getId() + ".md")) {
                problems.add(new KnowledgeProblem(
                        CATALOGUE,
                        line,
                        column,
                        "intervention " + i.getId() + " has no kb-doc page " + INTERVENTION_DOCS + i.getId() + ".md"));
            }
        }
    }

    /** The codes of an intervention's testedBy that name no muscle, movement test or finding. */
    private static List<String> unknownTestedBy(KnowledgeBase kb, InterventionDefinition i) {
        TestedBy by = i.getTestedBy();
        if (by == null) {
            return List.of();
        }
        var v = kb.reference().vocabulary();
        List<String> unknown = new ArrayList<>();
        by.getMuscles().stream().filter(m -> v.muscle(m).isEmpty()).forEach(m -> unknown.add("muscle " + m));
        by.getMovementTests().stream()
                .filter(t -> v.movementTest(t).isEmpty())
                .forEach(t -> unknown.add("movement test " + t));
        by.getFindings().stream()
                .filter(f -> kb.reference().findings().stream()
                        .noneMatch(d -> d.getCode().equals(f)))
                .forEach(f -> unknown.add("finding " + f));
        return unknown;
    }

    /** Where each {@code id:} of the catalogue stands, read with the YAML parser's own token locations. */
    private static Map<String, JsonLocation> idLocations(String yaml) {
        Map<String, JsonLocation> at = new HashMap<>();
        try (JsonParser p = YAML.getFactory().createParser(yaml)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && "id".equals(p.currentName())) {
                    JsonLocation key = p.currentTokenLocation();
                    if (p.nextToken() == JsonToken.VALUE_STRING) {
                        at.putIfAbsent(p.getText(), key);
                    }
                }
            }
        } catch (JsonProcessingException e) {
            return at; // the reference reader has already reported the broken YAML
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return at;
    }
}
