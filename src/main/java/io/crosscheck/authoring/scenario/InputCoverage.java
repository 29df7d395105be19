package io.crosscheck.authoring.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.authoring.scenario.InputReads.Read;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.explain.ExplanationNode;
import io.crosscheck.engine.facts.Threshold;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generated check of issue 20, over the whole knowledge base: for every rule and every input it reads
 * ({@link InputReads}), starting from a scenario in which the rule fires, the request is varied by value class
 * and evaluated through the one evaluation path:
 * <ul>
 *   <li><b>absent</b>: the input removed; a rule that needs it on every route must not fire;</li>
 *   <li><b>boundary</b>: each threshold the input is compared with, at the threshold and one step to each side;
 *       the rule fires exactly on the side the threshold's comparator gives, and the threshold the kb-doc states
 *       is the same (comparator and value);</li>
 *   <li><b>extreme</b>: the lowest and highest value the input allows, likewise.</li>
 * </ul>
 * Whenever the rule fires through the input and a threshold, its "because" must name the input's value and
 * the threshold. Reports every case and the coverage (rules x inputs x classes).
 */
public final class InputCoverage {

    /** One evaluated case. {@code problem} is null when it held. */
    public record Case(String rule, String input, String valueClass, String value, String problem) {}

    /** Every case, what could not be checked (no scenario fires the rule with the input), and the totals. */
    public record Report(List<Case> cases, List<String> gaps, long rules, long pairs) {
        public List<Case> violations() {
            return cases.stream().filter(c -> c.problem() != null).toList();
        }

        public Map<String, Long> casesByClass() {
            Map<String, Long> out = new LinkedHashMap<>();
            cases.forEach(c -> out.merge(c.valueClass(), 1L, Long::sum));
            return out;
        }

        public String summary() {
            return rules + " rules read inputs; " + pairs + " rule x input pairs; " + cases.size() + " cases "
                    + casesByClass() + "; " + violations().size() + " violations; " + gaps.size()
                    + " pairs without a scenario to start from";
        }
    }

    private static final Pattern DOC_THRESHOLD =
            Pattern.compile("`([a-z0-9_]+)`: (>=|<=|<|>|==) ?(-?[0-9]+(?:\\.[0-9]+)?)");

    private final ScreeningEvaluator evaluator;

    public InputCoverage(ScreeningEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    private record Base(JsonNode request, ScreeningResult result) {}

    public Report run(KnowledgeBase kb) {
        List<Base> bases = new ArrayList<>();
        for (Scenario s : ScenarioSuite.load(kb.source(), new ArrayList<KnowledgeProblem>())) {
            result(kb, s.request()).ifPresent(r -> bases.add(new Base(s.request(), r)));
        }
        List<Read> reads = InputReads.of(kb);
        List<Case> cases = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (Read read : reads) {
            Optional<Base> base = bases.stream()
                    .filter(b -> fires(b.result(), read.rule().id()) && RequestVariants.holds(b.request(), read))
                    .findFirst();
            if (base.isEmpty()) {
                gaps.add(read.rule().id() + " " + read.describe());
                continue;
            }
            check(
                    kb,
                    activeThresholds(read, base.get().result()),
                    new Base(
                            RequestVariants.isolate(base.get().request(), read, reads),
                            base.get().result()),
                    cases);
        }
        long rules = reads.stream().map(r -> r.rule().id()).distinct().count();
        long pairs =
                reads.stream().map(r -> r.rule().id() + r.describe()).distinct().count();
        return new Report(cases, gaps, rules, pairs);
    }

    /**
     * A threshold chosen at run time (an id completed by the client's norm group: dnf_endurance_ + sex) is
     * checked as the base scenario's firing chose it; the others of its family apply to other clients.
     */
    private static Read activeThresholds(Read read, ScreeningResult base) {
        List<String> matched = base.explanation().nodes().stream()
                .filter(n ->
                        n.rule() != null && read.rule().id().equals(n.rule().id()))
                .flatMap(n -> n.matched().stream())
                .toList();
        List<InputReads.Compared> kept = read.thresholds().stream()
                .filter(c -> !c.dynamic()
                        || matched.contains("kb:threshold/" + c.threshold().getId()))
                .toList();
        return new Read(
                read.rule(),
                read.factType(),
                read.property(),
                read.code(),
                read.input(),
                read.required(),
                read.alternative(),
                kept,
                read.range());
    }

    private void check(KnowledgeBase kb, Read read, Base base, List<Case> cases) {
        String id = read.rule().id();
        if (read.input() == null || !read.input().required()) {
            Optional<ScreeningResult> absent = result(kb, RequestVariants.without(base.request(), read, kb));
            String problem = absent.isEmpty()
                    ? "the request without the input was refused"
                    : read.required() && fires(absent.get(), id)
                            ? "fires although " + read.describe() + " was not sent"
                            : null;
            cases.add(new Case(id, read.describe(), "absent", "-", problem));
        }
        for (InputReads.Compared c : read.thresholds()) {
            Threshold t = c.threshold();
            cases.add(new Case(
                    id,
                    read.describe(),
                    "kb-doc",
                    t.getId(),
                    docStates(kb, id, c).orElse(null)));
            double step = read.range() != null && read.range().whole() ? 1 : 0.1;
            for (double v : new double[] {t.getValue() - step, t.getValue(), t.getValue() + step}) {
                boundaryCase(kb, read, base, c, round(v), "boundary", cases);
            }
        }
        if (read.range() != null) {
            for (InputReads.Compared c : read.thresholds()) {
                boundaryCase(kb, read, base, c, read.range().min(), "extreme", cases);
                boundaryCase(kb, read, base, c, read.range().max(), "extreme", cases);
            }
        }
    }

    private void boundaryCase(
            KnowledgeBase kb,
            Read read,
            Base base,
            InputReads.Compared compared,
            double v,
            String valueClass,
            List<Case> cases) {
        Threshold t = compared.threshold();
        if (read.range() != null && (v < read.range().min() || v > read.range().max())) {
            return;
        }
        String id = read.rule().id();
        Optional<ScreeningResult> r = result(kb, RequestVariants.with(kb, base.request(), read, v));
        if (r.isEmpty()) {
            cases.add(new Case(id, read.describe(), valueClass, plain(v), "the request was refused"));
            return;
        }
        // one threshold among alternatives (age over 50 or under 20) is enough; thresholds of one route must all hold
        boolean expected = read.alternative()
                ? read.thresholds().stream()
                        .anyMatch(c -> meets(v, c.operator(), c.threshold().getValue()))
                : read.thresholds().stream()
                        .allMatch(c -> meets(v, c.operator(), c.threshold().getValue()));
        List<ExplanationNode> through = r.get().explanation().nodes().stream()
                .filter(n -> n.rule() != null
                        && id.equals(n.rule().id())
                        && n.matched().contains("kb:threshold/" + t.getId())
                        && n.matched().stream().anyMatch(m -> m.startsWith(pointerPrefix(read))))
                .toList();
        String problem = null;
        if (expected && through.isEmpty()) {
            problem = "does not fire at " + plain(v) + " although " + compared.operator() + " " + plain(t.getValue())
                    + " holds";
        } else if (!expected && !through.isEmpty()) {
            problem = "fires at " + plain(v) + " although " + compared.operator() + " " + plain(t.getValue())
                    + " does not hold";
        } else if (!through.isEmpty()) {
            String because = through.get(0).because();
            String value = read.factType().equals("Answer") ? read.input().describe(v) : plain(v);
            if (because == null || !because.contains(value) || !because.contains("threshold: " + t.getLabel())) {
                problem = "its because does not name the value compared (" + value + ") and the threshold: " + because;
            }
        }
        cases.add(new Case(
                id,
                read.describe(),
                valueClass,
                plain(v) + " vs " + compared.operator() + " " + plain(t.getValue()),
                problem));
    }

    /**
     * The kb-doc must state the threshold (`id`: comparator value) with the reference data's value and either
     * its comparator or the one the rule compares with.
     */
    private static Optional<String> docStates(KnowledgeBase kb, String ruleId, InputReads.Compared c) {
        Threshold t = c.threshold();
        String doc = kb.source().files().getOrDefault("kb-docs/rules/" + ruleId + ".md", "");
        Matcher m = DOC_THRESHOLD.matcher(doc);
        while (m.find()) {
            if (m.group(1).equals(t.getId())) {
                boolean same =
                        (m.group(2).equals(t.getComparator()) || m.group(2).equals(c.operator()))
                                && Double.parseDouble(m.group(3)) == t.getValue();
                return same
                        ? Optional.empty()
                        : Optional.of("kb-doc states " + m.group(2) + " " + m.group(3) + ", thresholds.yaml "
                                + t.getComparator() + " " + plain(t.getValue()));
            }
        }
        return Optional.of(
                "kb-doc does not state " + t.getId() + " (" + t.getComparator() + " " + plain(t.getValue()) + ")");
    }

    private Optional<ScreeningResult> result(KnowledgeBase kb, JsonNode request) {
        try {
            ScreeningRequest r = evaluator.json().treeToValue(request, ScreeningRequest.class);
            return Optional.of(evaluator.evaluate(r, kb));
        } catch (InvalidRequestException
                | com.fasterxml.jackson.core.JsonProcessingException
                | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean fires(ScreeningResult r, String ruleId) {
        return r.explanation().nodes().stream()
                .anyMatch(n -> n.rule() != null && ruleId.equals(n.rule().id()));
    }

    private static String pointerPrefix(Read read) {
        InputDefinition i = read.input();
        if (read.factType().equals("ClientContext")) {
            return "/client";
        }
        return i != null ? i.pointer() : "/" + InputReads.LISTS.get(read.factType()) + "/";
    }

    private static boolean meets(double v, String comparator, double threshold) {
        return switch (comparator) {
            case ">=" -> v >= threshold;
            case ">" -> v > threshold;
            case "<=" -> v <= threshold;
            case "<" -> v < threshold;
            default -> v == threshold;
        };
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String plain(double d) {
        return InputDefinition.plain(d);
    }
}
