package io.crosscheck.authoring.lint;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.drl.ParsedRule;
import io.crosscheck.engine.drl.ParsedRule.ParsedConstraint;
import io.crosscheck.engine.drl.ParsedRule.ParsedPattern;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Absent is not a value: reports, at {@code file:line:column}, a constraint that compares an optional input
 * without requiring that it was sent.
 * <ul>
 *   <li>An optional property of an input fact (a measured value, a symptom's NRS, duration or settling time,
 *       the client's sex) compared in a pattern that does not also require it: {@code measured} for a measured
 *       value, {@code <property> != null} for the others. Without the guard the comparison meets a value that
 *       was never sent.</li>
 *   <li>An {@code Answer} compared under {@code not}: an input that was not sent has no answer, so
 *       {@code not Answer( code == "x", number >= 6 )} is true for a client never asked; the rule must also
 *       require {@code Answer( code == "x" )} outside the negation.</li>
 * </ul>
 */
final class AbsenceCheck {

    /** Per fact type: its optional properties and the guard that must stand in the same pattern. */
    static final Map<String, Map<String, String>> GUARDS = Map.of(
            "PostureObservation", Map.of("value", "measured"),
            "MuscleLengthTest", Map.of("value", "measured"),
            "MovementTest", Map.of("value", "measured"),
            "Symptom",
                    Map.of(
                            "nrs",
                            "nrs != null",
                            "durationWeeks",
                            "durationWeeks != null",
                            "settleMinutes",
                            "settleMinutes != null"),
            "ClientContext", Map.of("sex", "sex != null"));

    /** Answer properties that carry the value (the others, code, section and type, name the input). */
    private static final Set<String> ANSWER_VALUES = Set.of("number", "choice", "yes", "no", "value");

    private AbsenceCheck() {}

    static void check(List<ParsedRule> rules, List<KnowledgeProblem> problems) {
        for (ParsedRule rule : rules) {
            Set<String> answered = rule.patterns().stream()
                    .filter(p -> p.type().equals("Answer") && !p.negated())
                    .flatMap(p -> p.literals().stream())
                    .map(ParsedRule.ParsedLiteral::value)
                    .collect(Collectors.toSet());
            for (ParsedPattern pattern : rule.patterns()) {
                Map<String, String> guards = GUARDS.get(pattern.type());
                if (guards != null) {
                    guards.forEach((property, guard) -> unguarded(rule, pattern, property, guard, problems));
                }
                if (pattern.type().equals("Answer") && pattern.negated()) {
                    negatedAnswer(rule, pattern, answered, problems);
                }
            }
        }
    }

    private static void unguarded(
            ParsedRule rule, ParsedPattern pattern, String property, String guard, List<KnowledgeProblem> problems) {
        Pattern compared = comparison(property);
        boolean guarded = pattern.constraints().stream().anyMatch(c -> hasGuard(c.text(), guard));
        if (guarded) {
            return;
        }
        for (ParsedConstraint c : pattern.constraints()) {
            if (compared.matcher(c.text()).find()) {
                problems.add(new KnowledgeProblem(
                        rule.file(),
                        c.line(),
                        c.column(),
                        "rule " + rule.id() + " compares " + pattern.type()
                                + "." + property + " without requiring it (add '" + guard
                                + "' to the pattern): an input that was not sent "
                                + "must not satisfy a comparison"));
            }
        }
    }

    private static void negatedAnswer(
            ParsedRule rule, ParsedPattern pattern, Set<String> answered, List<KnowledgeProblem> problems) {
        List<String> codes =
                pattern.literals().stream().map(ParsedRule.ParsedLiteral::value).toList();
        for (ParsedConstraint c : pattern.constraints()) {
            boolean comparesValue = ANSWER_VALUES.stream()
                    .anyMatch(v -> Pattern.compile("(?<![.$\\w])" + v + "\\b")
                            .matcher(c.text())
                            .find());
            if (comparesValue && codes.stream().noneMatch(answered::contains)) {
                problems.add(new KnowledgeProblem(
                        rule.file(),
                        c.line(),
                        c.column(),
                        "rule " + rule.id() + " compares an Answer inside "
                                + "'not' without requiring the input outside it: a client never asked satisfies 'not'; add Answer( code == "
                                + (codes.isEmpty() ? "\"...\"" : "\"" + codes.get(0) + "\"") + " ) to the rule"));
            }
        }
    }

    /** The property compared with an operator (on either side), or tested with in / memberOf; not $x.property. */
    private static Pattern comparison(String property) {
        String p = "(?<![.$\\w])" + Pattern.quote(property) + "\\b";
        String op = "(==|!=|<=|>=|<|>)";
        return Pattern.compile(
                p + "\\s*(" + op + "|\\bin\\b|\\bnot in\\b|\\bmemberOf\\b|\\bnot memberOf\\b)|" + op + "\\s*" + p);
    }

    private static boolean hasGuard(String constraint, String guard) {
        String normalised = constraint.replaceAll("\\s+", " ");
        if (guard.equals("measured")) {
            return Pattern.compile("(?<![!.$\\w])measured\\b")
                    .matcher(normalised)
                    .find();
        }
        return normalised.contains(guard);
    }
}
