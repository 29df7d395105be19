package io.crosscheck.authoring.lint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.RuleEngine;
import io.crosscheck.engine.RuleInfo;
import io.crosscheck.engine.drl.ParsedRule;
import io.crosscheck.engine.facts.InterventionDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The generated blocks of {@code kb-docs/index.md}: the rule count by stage and evidence grade with the table of
 * every rule, and the table of every catalogue intervention with the rules that recommend it. Each block stands
 * between two Markdown comments ({@code [//]: # "generated: rules ..."} and {@code [//]: # "end of generated:
 * rules"}), which neither GitHub nor the web pages show. The validator fails, naming the counts and the first line
 * that differs, when a block does not match the rules; {@code bin/crosscheck validate --fix-index} rewrites it.
 */
public final class KbIndex {

    public static final String PATH = KnowledgeSource.DOCS + "index.md";
    static final String FIX = "run bin/crosscheck validate --fix-index";
    private static final Pattern ROW_ID = Pattern.compile("(?m)^\\| \\[`?([^]`]+)`?]");

    private enum Kind {
        RULES("rules", "rules"),
        INTERVENTIONS("interventions", "interventions");

        final String name;
        final String noun;

        Kind(String name, String noun) {
            this.name = name;
            this.noun = noun;
        }

        String begin() {
            return "[//]: # \"generated: " + name + ". bin/crosscheck validate --fix-index writes this block from the"
                    + " rules, their pages and the catalogue; edit those, not the block\"";
        }

        String end() {
            return "[//]: # \"end of generated: " + name + "\"";
        }
    }

    private KbIndex() {}

    /** The problems of the index's generated blocks; none when the knowledge base has no index. */
    static void check(LintSubject subject, List<KnowledgeProblem> problems) {
        String text = subject.source().files().get(PATH);
        if (text == null) {
            return;
        }
        text = text.replace("\r\n", "\n");
        for (Kind kind : Kind.values()) {
            int begin = text.indexOf(kind.begin());
            int end = begin < 0 ? -1 : text.indexOf(kind.end(), begin);
            if (begin < 0 || end < 0) {
                problems.add(new KnowledgeProblem(
                        PATH,
                        1,
                        1,
                        "has no generated block \"" + kind.name + "\" (between "
                                + kind.begin().substring(0, kind.begin().indexOf(". ")) + "...\" and " + kind.end()
                                + "): "
                                + FIX + " to add it"));
                continue;
            }
            if (kind == Kind.RULES
                    && subject.rules().stream().anyMatch(r -> front(subject, RuleInfo.docPath(r.id())) == null)) {
                continue; // a rule without a readable page is reported as such; its row would only repeat it
            }
            String found = text.substring(begin, end + kind.end().length());
            String expected = block(kind, subject);
            if (!found.equals(expected)) {
                problems.add(outOfDate(kind, text, begin, found, expected));
            }
        }
    }

    /** The index with every generated block rewritten from the knowledge base (missing ones added at its end). */
    public static String fix(String index, LintSubject subject) {
        String text = index.replace("\r\n", "\n");
        for (Kind kind : Kind.values()) {
            int begin = text.indexOf(kind.begin());
            int end = begin < 0 ? -1 : text.indexOf(kind.end(), begin);
            String block = block(kind, subject);
            text = begin < 0 || end < 0
                    ? text.stripTrailing() + "\n\n## " + capitalised(kind.noun) + "\n\n" + block + "\n"
                    : text.substring(0, begin)
                            + block
                            + text.substring(end + kind.end().length());
        }
        return text;
    }

    private static KnowledgeProblem outOfDate(Kind kind, String text, int begin, String found, String expected) {
        List<String> foundLines = found.lines().toList();
        List<String> expectedLines = expected.lines().toList();
        int first = 0;
        while (first < foundLines.size()
                && first < expectedLines.size()
                && foundLines.get(first).equals(expectedLines.get(first))) {
            first++;
        }
        int line = (int) text.substring(0, begin).chars().filter(c -> c == '\n').count() + 1 + first;
        List<String> listed = ids(found);
        List<String> wanted = ids(expected);
        StringBuilder m = new StringBuilder("the generated " + kind.name + " block is out of date: it lists "
                + listed.size() + " " + kind.noun + ", the knowledge base has " + wanted.size());
        Set<String> missing = new TreeSet<>(wanted);
        listed.forEach(missing::remove);
        Set<String> gone = new TreeSet<>(listed);
        wanted.forEach(gone::remove);
        m.append(" (not listed: ")
                .append(some(missing))
                .append("; listed but not in it: ")
                .append(some(gone))
                .append(")");
        m.append("; first difference: expected \"")
                .append(first < expectedLines.size() ? expectedLines.get(first) : "")
                .append("\", found \"")
                .append(first < foundLines.size() ? foundLines.get(first) : "")
                .append("\": ")
                .append(FIX);
        return new KnowledgeProblem(PATH, line, 1, m.toString());
    }

    private static List<String> ids(String block) {
        List<String> ids = new ArrayList<>();
        Matcher m = ROW_ID.matcher(block);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static String some(Set<String> ids) {
        if (ids.isEmpty()) {
            return "none";
        }
        List<String> first = ids.stream().limit(8).toList();
        return String.join(", ", first)
                + (ids.size() > first.size() ? " and " + (ids.size() - first.size()) + " more" : "");
    }

    private static String block(Kind kind, LintSubject subject) {
        String body = kind == Kind.RULES ? rules(subject) : interventions(subject);
        return kind.begin() + "\n\n" + body + "\n" + kind.end();
    }

    private static String rules(LintSubject subject) {
        Map<String, ParsedRule> byId = new LinkedHashMap<>();
        subject.rules().stream()
                .sorted(Comparator.comparingInt((ParsedRule r) -> stage(r.stage()))
                        .thenComparing(ParsedRule::id))
                .forEach(r -> byId.putIfAbsent(r.id(), r));
        Map<String, Long> byStage = byId.values().stream()
                .collect(Collectors.groupingBy(ParsedRule::stage, LinkedHashMap::new, Collectors.counting()));
        List<String> rows = new ArrayList<>();
        Map<String, Long> grades = new LinkedHashMap<>();
        for (ParsedRule r : byId.values()) {
            JsonNode front = front(subject, RuleInfo.docPath(r.id()));
            String evidence = text(front, "evidence");
            grades.merge(evidence, 1L, Long::sum);
            rows.add("| [" + r.id() + "](rules/" + r.id() + ".md) | " + text(front, "title") + " | " + r.stage() + " | "
                    + evidence + " | " + text(front, "version") + " | " + text(front, "last_reviewed") + " |");
        }
        String stages = byStage.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String evidence = grades.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
        return "**" + byId.size() + " rules** by stage: " + stages + ". Evidence grades in use: " + evidence + ".\n\n"
                + "| Id | Title | Stage | Evidence | Version | Last reviewed |\n|---|---|---|---|---|---|\n"
                + String.join("\n", rows) + "\n";
    }

    private static String interventions(LintSubject subject) {
        List<InterventionDefinition> catalogue = subject.reference().interventions();
        List<String> rows = new ArrayList<>();
        for (InterventionDefinition i : catalogue) {
            String by = subject.rules().stream()
                    .filter(r -> recommends(r, i.getId()))
                    .map(ParsedRule::id)
                    .distinct()
                    .sorted()
                    .map(id -> "[" + id + "](rules/" + id + ".md)")
                    .collect(Collectors.joining(", "));
            rows.add("| [`" + i.getId() + "`](interventions/" + i.getId() + ".md) | " + cell(i.getName()) + " | "
                    + i.getCategory() + " | " + i.getPhase() + " | " + (by.isEmpty() ? "none" : by) + " |");
        }
        return "**" + catalogue.size() + " catalogue interventions** (`rules/reference/interventions.yaml`), in"
                + " catalogue order.\n\n"
                + "| Id | Name | Category | Phase | Recommended by |\n|---|---|---|---|---|\n"
                + String.join("\n", rows) + "\n";
    }

    /** A rule recommends an intervention when it matches its catalogue entry and makes an indication. */
    private static boolean recommends(ParsedRule r, String id) {
        return r.constructions().stream().anyMatch(c -> c.type().equals("InterventionIndication"))
                && r.patterns().stream()
                        .anyMatch(p -> p.type().endsWith("InterventionDefinition")
                                && p.literals().stream().anyMatch(l -> l.value().equals(id)));
    }

    private static JsonNode front(LintSubject subject, String page) {
        try {
            return FrontMatter.read(subject.source().files().getOrDefault(page, ""), YamlPlaces.YAML);
        } catch (JsonProcessingException e) {
            return null; // reported by the documentation check
        }
    }

    private static String text(JsonNode front, String field) {
        return front == null || front.path(field).isMissingNode()
                ? ""
                : cell(front.path(field).asText());
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ").strip();
    }

    private static int stage(String stage) {
        int i = RuleEngine.STAGES.indexOf(stage);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
