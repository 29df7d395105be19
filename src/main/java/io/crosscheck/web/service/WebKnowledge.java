package io.crosscheck.web.service;

import io.crosscheck.authoring.scenario.ScenarioReport;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.RuleInfo;
import io.crosscheck.engine.doc.FactModelReference;
import io.crosscheck.knowledge.KnowledgeBaseLoad;
import io.crosscheck.knowledge.KnowledgeBaseVersion;
import io.crosscheck.knowledge.service.KnowledgeBaseRegistry;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.knowledge.service.VersionLabels;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the rule authors' pages show of the serving knowledge base: its rules with their kb-doc pages
 * (rendered), their DRL, the scenarios that fire each of them (the knowledge base's suite run, shared
 * with start-up and validation), and the load history.
 */
@ApplicationScoped
public class WebKnowledge {

    /** A rule in the list: its position, group and how many scenarios fire it. */
    public record RuleRow(String id, String name, String file, int line, String group, int scenarios) {}

    /** A scenario that fires a rule. */
    public record ScenarioRef(String file, String title) {}

    /** One rule's page. */
    public record RulePage(
            String id,
            String name,
            String file,
            int line,
            String group,
            String version,
            String versionLabel,
            String docHtml,
            String drl,
            List<ScenarioRef> scenarios) {}

    /** A load attempt, with its version's label (null for a candidate that could not be read). */
    public record Load(String version, String label, String at, String by, String outcome, String problems) {}

    /** A stored version or proposal a replay can take as its candidate, with its label. */
    public record Choice(String version, String label) {}

    /** The serving knowledge base, its label, and the other stored versions and proposals. */
    public record Overview(
            String version,
            String label,
            String loadedAt,
            String origin,
            List<RuleRow> rules,
            List<Load> loads,
            List<Choice> versions,
            double coveragePercent) {

        public long coverage() {
            return Math.round(coveragePercent);
        }
    }

    private final KnowledgeBaseService knowledgeBases;
    private final KnowledgeBaseRegistry registry;
    private final ScenarioSuite suite;
    private final VersionLabels labels;
    private final KbDocs docs = new KbDocs();

    private record Coverage(Map<String, List<String>> filesByRule, Map<String, String> titles, double percent) {}

    WebKnowledge(
            KnowledgeBaseService knowledgeBases,
            KnowledgeBaseRegistry registry,
            ScenarioSuite suite,
            VersionLabels labels) {
        this.labels = labels;
        this.knowledgeBases = knowledgeBases;
        this.registry = registry;
        this.suite = suite;
    }

    public Overview overview() {
        KnowledgeBase kb = knowledgeBases.current();
        Coverage c = coverage(kb);
        List<RuleRow> rules = kb.rules().stream()
                .sorted(Comparator.comparing(RuleInfo::id))
                .map(r -> new RuleRow(
                        r.id(),
                        r.name(),
                        r.file(),
                        r.line(),
                        r.stage(),
                        c.filesByRule().getOrDefault(r.id(), List.of()).size()))
                .toList();
        List<Load> loads = registry.recentLoads(20).stream().map(this::load).toList();
        // any stored version or proposal but the one serving, newest first: the candidates of a replay
        Set<String> stored = new LinkedHashSet<>();
        registry.proposals().forEach(p -> stored.add(p.version));
        registry.versions().forEach(v -> stored.add(v.version));
        stored.remove(kb.version());
        List<Choice> versions = stored.stream()
                .map(labels::of)
                .sorted(Comparator.comparing(VersionLabels.VersionLabel::at).reversed())
                .map(l -> new Choice(l.version(), l.text() + " (" + l.shortHash() + ")"))
                .toList();
        return new Overview(
                kb.version(),
                labels.text(kb.version()),
                WebScreenings.WHEN.format(kb.loadedAt()),
                kb.source().origin(),
                rules,
                loads,
                versions,
                c.percent());
    }

    public Optional<RulePage> rule(String id) {
        KnowledgeBase kb = knowledgeBases.current();
        return kb.rules().stream().filter(r -> r.id().equals(id)).findFirst().map(r -> {
            String doc = KbDocs.page(kb.source(), "rules/" + id + ".md")
                    .map(docs::html)
                    .orElse(null);
            Coverage c = coverage(kb);
            List<ScenarioRef> scenarios = c.filesByRule().getOrDefault(id, List.of()).stream()
                    .map(f -> new ScenarioRef(f, c.titles().getOrDefault(f, f)))
                    .toList();
            return new RulePage(
                    r.id(),
                    r.name(),
                    r.file(),
                    r.line(),
                    r.stage(),
                    kb.version(),
                    labels.text(kb.version()),
                    doc,
                    drl(kb, r),
                    scenarios);
        });
    }

    /** Any other kb-docs page (interventions, reference data, index), rendered. */
    public Optional<String> doc(String path) {
        if (path.contains("..")) {
            return Optional.empty();
        }
        return KbDocs.page(knowledgeBases.current().source(), path).map(docs::html);
    }

    /**
     * The fact-model reference (docs/fact-model.md) for the serving knowledge base, rendered: generated from the
     * engine's fact classes with the codes of its reference data, so it always matches what the rules can name.
     */
    public String factModel() {
        KnowledgeBase kb = knowledgeBases.current();
        return docs.html(FactModelReference.markdown(kb.reference(), kb.parsedRules()));
    }

    /** The rule's DRL: from its {@code rule} line to its {@code end}. */
    static String drl(KnowledgeBase kb, RuleInfo r) {
        String file = kb.source().files().get(r.file().startsWith("rules/") ? r.file() : "rules/" + r.file());
        if (file == null) {
            return null;
        }
        String[] lines = file.split("\\R", -1);
        StringBuilder out = new StringBuilder();
        int start = Math.max(0, r.line() - 1);
        // the rule's metadata annotations precede its line
        while (start > 0 && lines[start - 1].trim().startsWith("@")) {
            start--;
        }
        for (int i = start; i < lines.length; i++) {
            out.append(lines[i]).append('\n');
            if (i > r.line() - 1 && lines[i].trim().equals("end")) {
                break;
            }
        }
        return out.toString();
    }

    /** Which scenarios fire each rule: from the knowledge base's own suite run (start-up or validation ran it). */
    private Coverage coverage(KnowledgeBase kb) {
        ScenarioReport report = suite.runOwnSuite(kb).report();
        Map<String, String> titles = new java.util.HashMap<>();
        report.outcomes().forEach(o -> titles.put(o.file(), o.title()));
        return new Coverage(report.coverage(), titles, report.coveragePercent());
    }

    private Load load(KnowledgeBaseLoad l) {
        return new Load(
                l.version,
                l.version == null ? null : labels.text(l.version),
                WebScreenings.WHEN.format(l.attemptedAt),
                l.loadedBy,
                l.outcome,
                l.problems);
    }

    public List<KnowledgeBaseVersion> versions() {
        return registry.versions();
    }
}
