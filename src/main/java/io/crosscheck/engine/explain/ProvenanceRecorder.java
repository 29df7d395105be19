package io.crosscheck.engine.explain;

import io.crosscheck.engine.RuleInfo;
import io.crosscheck.engine.facts.Conclusion;
import io.crosscheck.engine.facts.Fact;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.ReferenceFact;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Captures provenance without any help from rule authors: while a match fires, every fact it
 * inserts is a conclusion derived from that match's rule and objects. One recorder per session;
 * sessions are single-threaded, so no synchronisation is needed.
 */
public final class ProvenanceRecorder extends DefaultAgendaEventListener implements RuleRuntimeEventListener {

    private final Function<String, RuleInfo> rules;
    private final Map<Object, Recorded> recorded = new IdentityHashMap<>();
    private final Map<String, Fact> referenced = new LinkedHashMap<>();
    private final List<Recorded> conclusions = new ArrayList<>();
    private final List<FiredRule> trace = new ArrayList<>();
    private Firing current;

    /** A conclusion and how it was reached; its "because" sentence is built once, when it is recorded. */
    public record Recorded(
            String id, Conclusion fact, RuleInfo rule, List<String> matched, List<Fact> matchedFacts, String because) {
        Recorded(String id, Conclusion fact, RuleInfo rule, List<String> matched, List<Fact> matchedFacts) {
            this(id, fact, rule, matched, matchedFacts, sentence(fact, rule, matchedFacts));
        }
    }

    private record Firing(RuleInfo rule, List<String> matched, List<Fact> facts, List<String> concluded) {}

    public ProvenanceRecorder(Function<String, RuleInfo> rules) {
        this.rules = rules;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Match match = event.getMatch();
        List<Fact> facts = new ArrayList<>();
        for (Object o : match.getObjects()) {
            flatten(o, facts);
        }
        Set<String> ids = new LinkedHashSet<>();
        List<Fact> distinct = new ArrayList<>();
        for (Fact f : facts) {
            if (ids.add(idOf(f))) {
                distinct.add(f);
            }
        }
        current = new Firing(rules.apply(match.getRule().getName()), List.copyOf(ids), distinct, new ArrayList<>());
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        trace.add(new FiredRule(
                trace.size() + 1,
                current.rule().id(),
                current.rule().stage(),
                current.matched(),
                List.copyOf(current.concluded())));
        current = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (current != null && event.getObject() instanceof Conclusion c) {
            Recorded r =
                    new Recorded("c" + (conclusions.size() + 1), c, current.rule(), current.matched(), current.facts());
            recorded.put(c, r);
            conclusions.add(r);
            current.concluded().add(r.id());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // conclusions are immutable; nothing to record
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        Recorded r = recorded.remove(event.getOldObject());
        if (r != null) {
            conclusions.remove(r);
        }
    }

    private void flatten(Object o, List<Fact> into) {
        if (o instanceof Collection<?> many) {
            many.forEach(e -> flatten(e, into));
        } else if (o instanceof Fact f) {
            into.add(f);
        }
    }

    private String idOf(Fact f) {
        String id;
        if (f instanceof InputFact in) {
            id = in.getRef();
        } else if (f instanceof ReferenceFact ref) {
            id = "kb:" + ref.getReferenceId();
        } else {
            Recorded r = recorded.get(f);
            id = r == null ? "unrecorded:" + f.getClass().getSimpleName() : r.id();
        }
        if (!(f instanceof Conclusion)) {
            referenced.putIfAbsent(id, f);
        }
        return id;
    }

    /** Conclusions still in working memory, in the order they were derived. */
    public List<Recorded> conclusions() {
        return List.copyOf(conclusions);
    }

    public Explanation explanation() {
        List<ExplanationNode> nodes = new ArrayList<>();
        referenced.forEach((id, f) -> nodes.add(new ExplanationNode(
                id,
                f instanceof InputFact ? "input" : "reference",
                f.getClass().getSimpleName(),
                f.describe(),
                null,
                null,
                null)));
        for (Recorded r : conclusions) {
            nodes.add(new ExplanationNode(
                    r.id(),
                    "conclusion",
                    r.fact().getClass().getSimpleName(),
                    r.fact().describe(),
                    RuleRef.of(r.rule()),
                    r.matched(),
                    because(r)));
        }
        return new Explanation(nodes, List.copyOf(trace));
    }

    /**
     * "Statement because a; b and c (criteria: x) [RULE-ID]": the facts the rule matched, evidence
     * first, then the reference criteria (thresholds, concordance requirements) they were held against.
     */
    public static String because(Recorded r) {
        return r.because();
    }

    private static String sentence(Conclusion fact, RuleInfo rule, List<Fact> matchedFacts) {
        List<String> evidence = matchedFacts.stream()
                .filter(f -> !(f instanceof ReferenceFact))
                .map(Fact::describe)
                .distinct()
                .collect(Collectors.toList());
        List<String> criteria = matchedFacts.stream()
                .filter(f -> f instanceof ReferenceFact ref && ref.isEvidence())
                .map(Fact::describe)
                .distinct()
                .collect(Collectors.toList());
        String statement = fact.describe();
        StringBuilder sentence = new StringBuilder(Character.toUpperCase(statement.charAt(0)) + statement.substring(1));
        if (!evidence.isEmpty()) {
            sentence.append(" because ").append(joinAnd(evidence));
        }
        if (!criteria.isEmpty()) {
            sentence.append(" (").append(String.join("; ", criteria)).append(')');
        }
        return sentence.append(" [").append(rule.id()).append(']').toString();
    }

    private static String joinAnd(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join("; ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
