package io.crosscheck.authoring.lint;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.RuleInfo;
import io.crosscheck.engine.drl.ParsedRule;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every rule has its kb-doc page, whose front matter names it; every rule page belongs to a rule. */
final class DocCoverage {

    private DocCoverage() {}

    static void check(LintSubject subject, List<KnowledgeProblem> problems) {
        Set<String> ids = subject.rules().stream().map(ParsedRule::id).collect(Collectors.toSet());
        Set<String> seen = new java.util.HashSet<>();
        for (ParsedRule r : subject.rules()) {
            if (!seen.add(r.id())) {
                continue; // a duplicate id is the compiler's problem
            }
            String page = RuleInfo.docPath(r.id());
            String text = subject.source().files().get(page);
            if (text == null) {
                problems.add(
                        new KnowledgeProblem(r.file(), r.line(), 1, "rule " + r.id() + " has no kb-doc page " + page));
                continue;
            }
            try {
                JsonNode front = FrontMatter.read(text, YamlPlaces.YAML);
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
        if (!subject.complete()) {
            return; // a rule of a file that did not parse would seem to have no page
        }
        subject.source().files().keySet().stream()
                .filter(p -> p.startsWith(KnowledgeBaseLinter.RULE_DOCS) && p.endsWith(".md"))
                .forEach(p -> {
                    String id = p.substring(KnowledgeBaseLinter.RULE_DOCS.length(), p.length() - 3);
                    if (!ids.contains(id)) {
                        problems.add(new KnowledgeProblem(
                                p, 1, 1, "kb-doc page for " + id + " but no rule has @id(\"" + id + "\")"));
                    }
                });
    }
}
