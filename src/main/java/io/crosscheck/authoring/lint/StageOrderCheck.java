package io.crosscheck.authoring.lint;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.RuleEngine;
import io.crosscheck.engine.drl.FactFields;
import io.crosscheck.engine.drl.ParsedRule;
import io.crosscheck.engine.drl.ParsedRule.ParsedConstraint;
import io.crosscheck.engine.drl.ParsedRule.ParsedConstruction;
import io.crosscheck.engine.drl.ParsedRule.ParsedPattern;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.ReferenceFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Why a rule can never fire: the stages run in a fixed order ({@link RuleEngine#STAGES}) and never go back, so a
 * rule that needs a fact only a later stage concludes waits for something that comes after its turn. From the parsed
 * rules: what each consequence creates ({@code new Finding( $finding, ... )}, its code read from the pattern that
 * binds {@code $finding}, or from the string arguments), in which stage; and what each rule requires (a pattern it
 * cannot fire without: not under {@code not}, {@code or} or {@code forall}, not an input of {@code collect} or
 * {@code accumulate}). Inputs and reference data are there from the start. Reported at the pattern, as
 * "rule X in stage S needs Finding "y", which is first concluded in stage T (later)".
 */
final class StageOrderCheck {

    private static final String FACTS = "io.crosscheck.engine.facts.";
    /** A constraint on a fact's identifying field, as the parser hands it over: {@code code == "x"}, {@code id in (...)}. */
    private static final Pattern IDENTIFYING = Pattern.compile("\\s*(?:code|id|pattern)\\s*(?:==|in\\b)");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** A fact some rule's consequence creates: its class, the stage, and the codes it carries (empty: any code). */
    private record Producer(Class<?> type, int stage, Set<String> codes, String ruleId) {
        boolean mayBe(List<String> wanted) {
            return wanted.isEmpty() || codes.isEmpty() || wanted.stream().anyMatch(codes::contains);
        }
    }

    private StageOrderCheck() {}

    static void check(List<ParsedRule> rules, List<KnowledgeProblem> problems) {
        List<Producer> producers = producers(rules);
        for (ParsedRule rule : rules) {
            int stage = RuleEngine.STAGES.indexOf(rule.stage());
            if (stage < 0) {
                continue; // reported as "in no stage"
            }
            for (ParsedPattern pattern : rule.patterns()) {
                Class<?> needed = factClass(pattern.type());
                if (!pattern.required() || needed == null || fromTheStart(needed)) {
                    continue;
                }
                List<String> wanted = identifying(pattern);
                List<Producer> matching = producers.stream()
                        .filter(p -> needed.isAssignableFrom(p.type()) && p.mayBe(wanted))
                        .toList();
                if (matching.isEmpty()) {
                    continue; // no rule concludes it at all: the code checks and "fires in no scenario" say so
                }
                int first = matching.stream().mapToInt(Producer::stage).min().orElseThrow();
                if (first > stage) {
                    problems.add(problem(rule, pattern, needed, wanted, matching, first));
                }
            }
        }
    }

    private static KnowledgeProblem problem(
            ParsedRule rule,
            ParsedPattern pattern,
            Class<?> needed,
            List<String> wanted,
            List<Producer> matching,
            int first) {
        List<Producer> earliest =
                matching.stream().filter(p -> p.stage() == first).toList();
        boolean anyCode = earliest.stream().anyMatch(p -> p.codes().isEmpty());
        Set<String> codes = wanted.stream()
                .filter(w ->
                        anyCode || earliest.stream().anyMatch(p -> p.codes().contains(w)))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String what = needed.getSimpleName()
                + (codes.isEmpty()
                        ? ""
                        : " " + codes.stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(" or ")));
        String by = earliest.stream()
                .map(Producer::ruleId)
                .distinct()
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining(", "));
        String later = RuleEngine.STAGES.get(first);
        return new KnowledgeProblem(
                rule.file(),
                pattern.line(),
                pattern.column(),
                "rule " + rule.id() + " in stage " + rule.stage() + " needs " + what
                        + ", which is first concluded in stage " + later + " (later; by " + by + "): the stages run "
                        + String.join(" -> ", RuleEngine.STAGES) + " and never go back, so the rule can never fire;"
                        + " move it to stage " + later + " or after, or conclude " + what + " by stage "
                        + rule.stage());
    }

    /** Every fact a consequence creates, with the stage of its rule and the codes it is made with. */
    private static List<Producer> producers(List<ParsedRule> rules) {
        List<Producer> producers = new ArrayList<>();
        for (ParsedRule rule : rules) {
            int stage = RuleEngine.STAGES.indexOf(rule.stage());
            if (stage < 0) {
                continue;
            }
            for (ParsedConstruction c : rule.constructions()) {
                Class<?> type = factClass(c.type());
                if (type != null) {
                    producers.add(new Producer(type, stage, codes(rule, c), rule.id()));
                }
            }
        }
        return producers;
    }

    /**
     * The codes a created fact carries: the string arguments, and the codes of the reference definitions it is given
     * ({@code $finding : FindingDefinition( code == "forward_head" )}). Empty when any definition it is given names no
     * code (one rule for many codes, as POS-001 is), or when nothing names one: then it may carry any code.
     */
    private static Set<String> codes(ParsedRule rule, ParsedConstruction c) {
        Set<String> codes = new LinkedHashSet<>();
        c.literals().forEach(l -> codes.add(l.value()));
        for (String variable : c.variables()) {
            for (ParsedPattern p : rule.patterns()) {
                if (variable.equals(p.binding()) && p.type().endsWith("Definition")) {
                    List<String> named = identifying(p);
                    if (named.isEmpty()) {
                        return Set.of();
                    }
                    codes.addAll(named);
                }
            }
        }
        return codes;
    }

    /**
     * The codes a pattern names in its identifying fields ({@code code == "x"}, {@code id in ("x", "y")},
     * {@code pattern == "LCS"}); empty when it names none (a constraint on another field says nothing of the code).
     */
    private static List<String> identifying(ParsedPattern p) {
        List<String> codes = new ArrayList<>();
        for (ParsedConstraint c : p.constraints()) {
            if (IDENTIFYING.matcher(c.text()).lookingAt()) {
                Matcher literal = LITERAL.matcher(c.text());
                while (literal.find()) {
                    codes.add(literal.group(1));
                }
            }
        }
        return codes;
    }

    /** Inputs and reference data: in working memory (or reachable through the reference global) from the start. */
    private static boolean fromTheStart(Class<?> type) {
        return InputFact.class.isAssignableFrom(type) || ReferenceFact.class.isAssignableFrom(type);
    }

    /** The fact-model class of a pattern or {@code new} type; null for JDK types and names outside the fact model. */
    private static Class<?> factClass(String type) {
        Class<?> c = FactFields.type(type.substring(type.lastIndexOf('.') + 1));
        return c != null && c.getName().startsWith(FACTS) ? c : null;
    }
}
