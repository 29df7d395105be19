package io.crosscheck.authoring.scenario;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.drl.ParsedRule;
import io.crosscheck.engine.drl.ParsedRule.ParsedLiteral;
import io.crosscheck.engine.drl.ParsedRule.ParsedPattern;
import io.crosscheck.engine.facts.Threshold;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.engine.input.InputDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which inputs each rule reads, read from the parsed DRL and the input definitions: an {@code Answer} pattern
 * names inputs by code (or a whole section), an input fact's pattern compares an optional value (a measured
 * value, a symptom's NRS, duration or settling time). With each read: whether every route of the rule needs
 * it (not under {@code or}, no {@code ||} around it) and the thresholds it is compared with ({@code $t.value}
 * of a matched {@code Threshold}).
 */
public final class InputReads {

    /** A value a rule compares: an answer ({@code factType} Answer, {@code property} its JSON field) or an input fact's property. */
    public record Read(
            ParsedRule rule,
            String factType,
            String property,
            String code,
            InputDefinition input,
            boolean required,
            boolean alternative,
            List<Compared> thresholds,
            Range range) {
        public String describe() {
            return input != null ? input.pointer() : factType + (code == null ? "" : "[" + code + "]") + "." + property;
        }
    }

    /** A threshold a value is compared with, and the operator the rule compares with ({@code durationWeeks >= $acute.value}). */
    public record Compared(Threshold threshold, String operator, boolean dynamic) {}

    /** The allowed range of a value and its unit. */
    public record Range(double min, double max, String unit, boolean whole) {}

    /** Optional values of the input facts and their JSON location: list member and the property holding the value. */
    static final Map<String, String> LISTS = Map.of(
            "PostureObservation",
            "observations",
            "MuscleLengthTest",
            "muscleLength",
            "MovementTest",
            "movementPatterns",
            "Symptom",
            "symptoms");
    /** The member of a list item that names its code, per fact type. */
    static final Map<String, String> CODE_MEMBER =
            Map.of("PostureObservation", "code", "MuscleLengthTest", "muscle", "MovementTest", "test");

    private static final Set<String> MEASURED = Set.of("PostureObservation", "MuscleLengthTest", "MovementTest");

    private InputReads() {}

    public static List<Read> of(KnowledgeBase kb) {
        List<Read> reads = new ArrayList<>();
        InputCatalog inputs = kb.reference().inputs();
        for (ParsedRule rule : kb.parsedRules()) {
            for (ParsedPattern p : rule.patterns()) {
                String type = simple(p.type());
                if (type.equals("Answer")) {
                    answers(rule, p, inputs, kb, reads);
                } else if (p.negated()) {
                    continue;
                } else if (MEASURED.contains(type) && compares(p, "value")) {
                    String code = code(kb.reference().vocabulary(), type, p).orElse(null);
                    Range range =
                            code == null ? null : measuredRange(kb.reference().vocabulary(), type, code);
                    boolean alternative = p.alternative() || p.constraintText().contains("||");
                    reads.add(new Read(
                            rule,
                            type,
                            "value",
                            code,
                            null,
                            !alternative,
                            alternative,
                            thresholds(kb, rule, p, "value"),
                            range));
                } else if (type.equals("ClientContext") && compares(p, "age")) {
                    // the client's age, read through the client's context (the age input of inputs.yaml)
                    inputs.input("client", "age").ifPresent(age -> {
                        boolean alternative =
                                p.alternative() || p.constraintText().contains("||");
                        reads.add(new Read(
                                rule,
                                type,
                                "age",
                                null,
                                age,
                                !alternative,
                                alternative,
                                thresholds(kb, rule, p, "age"),
                                new Range(age.min(), age.max(), age.unit(), true)));
                    });
                } else if (type.equals("Symptom")) {
                    for (Vocabulary.SymptomNumber number :
                            kb.reference().vocabulary().symptoms().numbers()) {
                        String property = number.field();
                        if (compares(p, property)) {
                            boolean alternative =
                                    p.alternative() || p.constraintText().contains("||");
                            reads.add(new Read(
                                    rule,
                                    type,
                                    property,
                                    null,
                                    null,
                                    !alternative,
                                    alternative,
                                    thresholds(kb, rule, p, property),
                                    new Range(number.min(), number.max(), number.unit(), true)));
                        }
                    }
                }
            }
        }
        return reads;
    }

    private static void answers(
            ParsedRule rule, ParsedPattern p, InputCatalog inputs, KnowledgeBase kb, List<Read> reads) {
        Set<InputDefinition> read = new LinkedHashSet<>();
        boolean byCode = false;
        for (ParsedLiteral l : p.literals()) {
            Optional<InputDefinition> i = inputs.input(l.value());
            if (i.isPresent()) {
                read.add(i.get());
                byCode = true;
            }
        }
        if (!byCode) {
            for (ParsedLiteral l : p.literals()) {
                inputs.inputsOf(l.value()).forEach(read::add);
            }
            if (p.constraintText().contains("yes_no")
                    || Pattern.compile("(?<![.$\\w])(yes|no)\\b")
                            .matcher(p.constraintText())
                            .find()) {
                read.removeIf(i -> i.type() != io.crosscheck.engine.input.InputType.YES_NO);
            }
        }
        // a pattern naming several inputs by code (code in ("a", "b")) matches an answer to any one of them:
        // each is an alternative route, none is needed on its own
        boolean anyOf = byCode && read.size() > 1;
        for (InputDefinition i : read) {
            Range range = i.type().numeric()
                    ? new Range(i.min(), i.max(), i.unit(), i.type() == io.crosscheck.engine.input.InputType.INTEGER)
                    : null;
            // under 'not' an answer is read for its absence: a rule must not fire because an input was not sent
            // (a rule that means "not asked" matches NotRecorded); only the absent class applies
            reads.add(new Read(
                    rule,
                    "Answer",
                    i.field(),
                    i.code(),
                    i,
                    byCode && (p.negated() || (!p.alternative() && !anyOf)),
                    p.alternative() || anyOf,
                    p.negated() ? List.of() : thresholds(kb, rule, p, "number"),
                    range));
        }
    }

    /**
     * The thresholds a pattern compares a property with: those matched in the rule whose binding stands on the
     * other side of a comparison with the property ({@code nrs >= $severe.value}).
     */
    private static List<Compared> thresholds(KnowledgeBase kb, ParsedRule rule, ParsedPattern p, String property) {
        List<Compared> out = new ArrayList<>();
        String text = p.constraintText();
        for (ParsedPattern t : rule.patterns()) {
            if (!simple(t.type()).equals("Threshold") || t.binding() == null) {
                continue;
            }
            java.util.regex.Matcher m = Pattern.compile("(?<![.$\\w])" + Pattern.quote(property)
                            + "\\s*(==|<=|>=|<|>)\\s*" + Pattern.quote(t.binding()) + "\\.(value|getValue\\(\\))")
                    .matcher(text);
            if (!m.find()) {
                continue;
            }
            String operator = m.group(1);
            for (ParsedLiteral l : t.literals()) {
                kb.reference().thresholds().stream()
                        .filter(th -> th.getId().equals(l.value())
                                || (l.value().endsWith("_") && th.getId().startsWith(l.value())))
                        .filter(th -> out.stream().noneMatch(c -> c.threshold() == th))
                        .forEach(th ->
                                out.add(new Compared(th, operator, !th.getId().equals(l.value()))));
            }
        }
        return out;
    }

    private static boolean compares(ParsedPattern p, String property) {
        String prop = "(?<![.$\\w])" + Pattern.quote(property) + "\\b";
        return Pattern.compile(prop + "\\s*(==|<=|>=|<|>|!=)(?!\\s*null)|(==|<=|>=|<|>)\\s*" + prop)
                .matcher(p.constraintText())
                .find();
    }

    private static Optional<String> code(Vocabulary v, String type, ParsedPattern p) {
        for (ParsedLiteral l : p.literals()) {
            boolean known = switch (type) {
                case "PostureObservation" -> v.postureCode(l.value()).isPresent();
                case "MuscleLengthTest" -> v.muscle(l.value()).isPresent();
                case "MovementTest" -> v.movementTest(l.value()).isPresent();
                default -> false;
            };
            if (known) {
                return Optional.of(l.value());
            }
        }
        return Optional.empty();
    }

    private static Range measuredRange(Vocabulary v, String type, String code) {
        Vocabulary.Range r = switch (type) {
            case "PostureObservation" ->
                v.postureCode(code).map(Vocabulary.PostureCode::measurement).orElse(null);
            case "MuscleLengthTest" ->
                v.muscle(code).map(Vocabulary.MuscleCode::measurement).orElse(null);
            case "MovementTest" ->
                v.movementTest(code)
                        .map(Vocabulary.MovementTestCode::measurement)
                        .orElse(null);
            default -> null;
        };
        return r == null ? null : new Range(r.min(), r.max(), r.unit(), false);
    }

    static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
