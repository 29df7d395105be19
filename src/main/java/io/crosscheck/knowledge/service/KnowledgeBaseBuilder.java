package io.crosscheck.knowledge.service;

import io.crosscheck.knowledge.KnowledgeBase;
import io.crosscheck.knowledge.model.KnowledgeBaseException;
import io.crosscheck.knowledge.model.KnowledgeProblem;
import io.crosscheck.knowledge.model.KnowledgeSource;
import io.crosscheck.knowledge.model.ReferenceData;
import io.crosscheck.knowledge.model.RuleInfo;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a {@link KnowledgeSource} into a {@link KnowledgeBase}: DRL through KieFileSystem and
 * KieBuilder (plain Drools, no code generation at build time), reference data from YAML, and an
 * index of every rule's id, file and line. Any problem is reported as {@code file:line:column}.
 */
public final class KnowledgeBaseBuilder {

    /** Where DRL files live inside the in-memory KieModule; mapped back to {@code rules/} in messages. */
    private static final String KFS_ROOT = "src/main/resources/";
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");
    private static final AtomicLong BUILDS = new AtomicLong();

    private final KieServices kie = KieServices.Factory.get();
    private final ReferenceDataReader referenceReader = new ReferenceDataReader();
    private final Clock clock;

    public KnowledgeBaseBuilder(Clock clock) {
        this.clock = clock;
    }

    public KnowledgeBase build(KnowledgeSource source) {
        List<KnowledgeProblem> problems = new ArrayList<>();
        ReferenceData reference = referenceReader.read(source, problems);
        if (source.drlFiles().isEmpty()) {
            problems.add(new KnowledgeProblem(KnowledgeSource.RULES, 0, 0, "no .drl files found"));
        }

        ReleaseId releaseId = kie.newReleaseId("io.crosscheck.kb", "crosscheck-kb", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem kfs = kie.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        source.drlFiles().forEach((path, text) -> kfs.write(KFS_ROOT + path, text));
        KieBuilder builder = kie.newKieBuilder(kfs, getClass().getClassLoader()).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String path = m.getPath() == null ? KnowledgeSource.RULES : m.getPath().replaceFirst("^" + KFS_ROOT, "");
            problems.add(new KnowledgeProblem(path, m.getLine(), m.getColumn(), m.getText().strip()));
        }
        if (!problems.isEmpty()) {
            kie.getRepository().removeKieModule(releaseId);
            throw new KnowledgeBaseException(problems);
        }

        KieContainer container = kie.newKieContainer(releaseId, getClass().getClassLoader());
        Map<String, RuleInfo> rules = indexRules(source, container, problems);
        if (!problems.isEmpty()) {
            container.dispose();
            kie.getRepository().removeKieModule(releaseId);
            throw new KnowledgeBaseException(problems);
        }
        return new KnowledgeBase(source, reference, rules, releaseId, container, clock.instant());
    }

    /** Drops a superseded knowledge base from the KieRepository so repeated reloads do not grow memory. */
    public void release(KnowledgeBase superseded) {
        superseded.dispose();
        kie.getRepository().removeKieModule(superseded.releaseId());
    }

    private static Map<String, RuleInfo> indexRules(KnowledgeSource source, KieContainer container, List<KnowledgeProblem> problems) {
        Map<String, int[]> headerLines = new HashMap<>();
        Map<String, String> headerFiles = new HashMap<>();
        source.drlFiles().forEach((path, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = RULE_HEADER.matcher(lines[i]);
                if (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                    headerLines.put(name, new int[] {i + 1, m.start() + 1});
                    headerFiles.put(name, path);
                }
            }
        });

        Map<String, RuleInfo> byName = new HashMap<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        for (KiePackage pkg : container.getKieBase().getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                String file = headerFiles.getOrDefault(rule.getName(), KnowledgeSource.RULES);
                int[] at = headerLines.getOrDefault(rule.getName(), new int[] {0, 0});
                Object id = rule.getMetaData().get("id");
                Object version = rule.getMetaData().get("version");
                String stage = rule instanceof RuleImpl impl ? impl.getAgendaGroup() : "MAIN";
                if (id == null || id.toString().isBlank()) {
                    problems.add(new KnowledgeProblem(file, at[0], at[1], "rule \"" + rule.getName() + "\" has no @id metadata"));
                    continue;
                }
                RuleInfo info = new RuleInfo(id.toString(), rule.getName(), file, at[0],
                        version == null ? "1" : version.toString(), stage);
                RuleInfo clash = byId.putIfAbsent(info.id(), info);
                if (clash != null) {
                    problems.add(new KnowledgeProblem(file, at[0], at[1], "duplicate rule id " + info.id()
                            + " (also on rule \"" + clash.name() + "\" at " + clash.file() + ":" + clash.line() + ")"));
                }
                byName.put(rule.getName(), info);
            }
        }
        return byName;
    }
}
