package io.crosscheck.authoring.replay.service;

import io.crosscheck.authoring.replay.model.ReplayJob;
import io.crosscheck.authoring.replay.model.ReplayRequest;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.RuleInfo;
import io.crosscheck.engine.drl.RuleTexts;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * "Which stored screenings does this rule change?": the counterfactual over the clinic's stored screenings. The
 * candidate is the serving version with that one rule switched off ({@code enabled false}, placed through Drools'
 * parse of the rule, {@link RuleTexts#disabled}); the replay against the serving version is the usual one
 * ({@link ReplayService}), so its report lists exactly the screenings whose result the rule changes, by kind of
 * change with the rules and reasons, and the scenarios that need the rule.
 */
@ApplicationScoped
public class RuleImpacts {

    private final KnowledgeBaseService knowledgeBases;
    private final ReplayService replays;

    RuleImpacts(KnowledgeBaseService knowledgeBases, ReplayService replays) {
        this.knowledgeBases = knowledgeBases;
        this.replays = replays;
    }

    /**
     * Starts the replay of the serving version without the rule.
     *
     * @return empty when the serving version has no rule of this id
     */
    public Optional<ReplayJob> start(String ruleId, ReplayRequest filter, String clinic) {
        KnowledgeBase kb = knowledgeBases.current();
        return kb.rules().stream()
                .filter(r -> r.id().equals(ruleId))
                .findFirst()
                .flatMap(rule -> without(kb, rule))
                .map(candidate -> replays.startDerived(filter, candidate, clinic));
    }

    /** The serving version's files with the rule switched off in its DRL file. */
    static Optional<KnowledgeSource> without(KnowledgeBase kb, RuleInfo rule) {
        String file = rule.file().startsWith(KnowledgeSource.RULES) ? rule.file() : KnowledgeSource.RULES + rule.file();
        String text = kb.source().files().get(file);
        if (text == null) {
            return Optional.empty();
        }
        return RuleTexts.disabled(text, rule.id()).map(off -> {
            Map<String, String> files = new TreeMap<>(kb.source().files());
            files.put(file, off);
            return new KnowledgeSource("rule " + rule.id() + " switched off in " + kb.version(), files);
        });
    }
}
