package io.crosscheck.engine;

import io.crosscheck.engine.drl.ParsedRule;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;

/**
 * One compiled, immutable knowledge base: rules, reference data and documentation from one
 * {@link KnowledgeSource}. Shared by all requests; each screening opens its own session on it.
 */
public final class KnowledgeBase {
    private final String version;
    private final Instant loadedAt;
    private final KnowledgeSource source;
    private final ReferenceData reference;
    private final Map<String, RuleInfo> rulesByName;
    private final List<ParsedRule> parsedRules;
    private final ReleaseId releaseId;
    private final KieContainer container;
    private final KieBase kieBase;
    private final ReferenceIndex referenceIndex;
    private final boolean referenceGlobal;
    private volatile KieContainerSessionsPool pool;
    private volatile ThresholdUses thresholdUses;
    private final byte[] compiledModule;

    public KnowledgeBase(
            KnowledgeSource source,
            ReferenceData reference,
            Map<String, RuleInfo> rulesByName,
            List<ParsedRule> parsedRules,
            ReleaseId releaseId,
            KieContainer container,
            Instant loadedAt) {
        this(source, reference, rulesByName, parsedRules, releaseId, container, loadedAt, null);
    }

    public KnowledgeBase(
            KnowledgeSource source,
            ReferenceData reference,
            Map<String, RuleInfo> rulesByName,
            List<ParsedRule> parsedRules,
            ReleaseId releaseId,
            KieContainer container,
            Instant loadedAt,
            byte[] compiledModule) {
        this.compiledModule = compiledModule;
        this.version = source.contentHash();
        this.loadedAt = loadedAt;
        this.source = source;
        this.reference = reference;
        this.rulesByName = Map.copyOf(rulesByName);
        this.parsedRules = List.copyOf(parsedRules);
        this.releaseId = releaseId;
        this.container = container;
        this.kieBase = container.getKieBase();
        this.referenceIndex = new ReferenceIndex(reference);
        this.referenceGlobal = kieBase.getKiePackages().stream()
                .map(KiePackage::getGlobalVariables)
                .anyMatch(globals -> globals.stream().anyMatch(g -> g.getName().equals(ReferenceIndex.GLOBAL)));
    }

    public String version() {
        return version;
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public KnowledgeSource source() {
        return source;
    }

    public ReferenceData reference() {
        return reference;
    }

    public ReleaseId releaseId() {
        return releaseId;
    }

    public KieBase kieBase() {
        return kieBase;
    }
    /** The compiled module (executable model, a jar) to cache and load later; null when the DRL is interpreted. */
    public byte[] compiledModule() {
        return compiledModule == null ? null : compiledModule.clone();
    }

    /** Whether this knowledge base was built from (or as) a compiled module, i.e. is the executable model. */
    public boolean hasCompiledModule() {
        return compiledModule != null;
    }
    /** Reference data as the rules look it up (the DRL global {@code reference}), built once. */
    public ReferenceIndex referenceIndex() {
        return referenceIndex;
    }
    /** Whether the rules declare the {@code reference} global (else reference facts are inserted). */
    public boolean referenceGlobal() {
        return referenceGlobal;
    }

    /** A session from this knowledge base's pool (created on first use); dispose() resets and returns it. */
    KieSession pooledSession() {
        KieContainerSessionsPool p = pool;
        if (p == null) {
            synchronized (this) {
                if (pool == null) {
                    pool = container.newKieSessionsPool(4);
                }
                p = pool;
            }
        }
        return p.newKieSession();
    }

    public Collection<RuleInfo> rules() {
        return rulesByName.values();
    }

    /** Every rule as the DRL parser read it (patterns, literals, constructions), for authoring tools. */
    public List<ParsedRule> parsedRules() {
        return parsedRules;
    }

    /** Which thresholds the rules compare each measured code with (built on first use, then kept). */
    public ThresholdUses thresholdUses() {
        ThresholdUses t = thresholdUses;
        if (t == null) {
            synchronized (this) {
                if (thresholdUses == null) {
                    thresholdUses = new ThresholdUses(parsedRules, reference.thresholds());
                }
                t = thresholdUses;
            }
        }
        return t;
    }

    public Optional<RuleInfo> rule(String name) {
        return Optional.ofNullable(rulesByName.get(name));
    }

    /** Releases the compiled module; sessions already open keep working until disposed. */
    public void dispose() {
        if (pool != null) {
            pool.shutdown();
        }
        container.dispose();
    }
}
