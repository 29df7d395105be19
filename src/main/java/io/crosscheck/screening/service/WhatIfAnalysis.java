package io.crosscheck.screening.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.WhatIf;
import io.crosscheck.screening.service.WhatIfVariants.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What would change a result (issue 28): the request evaluated as it is (the baseline) and then once per
 * {@link WhatIfVariants variant}, each on the one evaluation path ({@link ScreeningEvaluator}) and the same knowledge
 * base, and the differences read as actions. Deterministic: the same request and knowledge base give the same variants
 * in the same order, and the limit cuts that list, never a clock. The variants are evaluated in parallel (the common
 * fork-join pool and the calling thread) and read in their order, so the answer does not depend on the schedule.
 * While a referral is pending no test is suggested (further physical tests are withheld), and a test the red-flag
 * screen holds back until a question is answered (cervical arterial questions before tests that load the neck) is not
 * suggested either.
 */
public final class WhatIfAnalysis {

    private final ScreeningEvaluator evaluator;
    private final int limit;

    public WhatIfAnalysis(ScreeningEvaluator evaluator, int limit) {
        this.evaluator = evaluator;
        this.limit = limit;
    }

    public WhatIf analyse(String screeningId, String storedVersion, ObjectNode request, KnowledgeBase kb) {
        long started = System.nanoTime();
        ScreeningResult baseline = evaluate(request, kb);
        boolean referred = baseline.redFlags() != null && baseline.redFlags().referral();
        Set<String> held = heldTests(baseline, kb);
        List<Variant> all = new WhatIfVariants(kb.reference(), request)
                .all(baseline).stream()
                        .filter(v -> switch (v.kind()) {
                            case UNTESTED -> !referred && !held.contains(v.code());
                            case RECORDED -> !referred;
                            case QUESTION -> true;
                            case ANSWER -> referred;
                        })
                        .toList();
        List<Variant> run = all.size() > limit ? all.subList(0, limit) : all;

        Map<String, List<WhatIf.FindingChange>> byPattern = new LinkedHashMap<>();
        baseline.patterns().forEach(p -> byPattern.put(p.code(), new ArrayList<>()));
        List<WhatIf.QuestionWhatIf> plan = new ArrayList<>();
        List<WhatIf.AnswerChange> restsOn = new ArrayList<>();
        List<WhatIf.AnswerChange> wouldRaise = new ArrayList<>();
        // each variant is an independent evaluation: run them on the machine's cores, read them in the list's order
        List<ScreeningResult> results =
                run.parallelStream().map(v -> evaluateOrNull(v.request(), kb)).toList();
        int evaluated = 0;
        for (int i = 0; i < run.size(); i++) {
            Variant v = run.get(i);
            ScreeningResult varied = results.get(i);
            if (varied == null) {
                continue;
            }
            evaluated++;
            switch (v.kind()) {
                case UNTESTED, RECORDED -> patternChanges(v, baseline, varied, byPattern);
                case QUESTION -> {
                    WhatIf.QuestionWhatIf q = WhatIfReading.question(v, baseline, varied);
                    if (q != null) {
                        plan.add(q);
                    }
                    if (referred && WhatIfReading.moreUrgent(varied, baseline)) {
                        wouldRaise.add(WhatIfReading.answer(v, baseline, varied));
                    }
                }
                case ANSWER -> {
                    WhatIf.AnswerChange a = WhatIfReading.answer(v, baseline, varied);
                    if ("red_flags".equals(v.screen()) || !"same".equals(a.effect())) {
                        restsOn.add(a);
                    }
                }
            }
        }
        // most decisive first; equal ones in the order of the screen's questions
        List<WhatIf.QuestionWhatIf> ranked = plan.stream()
                .sorted((a, b) -> Integer.compare(WhatIfReading.weight(b), WhatIfReading.weight(a)))
                .toList();
        List<WhatIf.PatternWhatIf> patterns = baseline.patterns().stream()
                .map(p ->
                        new WhatIf.PatternWhatIf(p.code(), p.name(), p.status(), List.copyOf(byPattern.get(p.code()))))
                .toList();
        WhatIf.ReferralWhatIf referral =
                referred ? new WhatIf.ReferralWhatIf(baseline.redFlags().urgency(), restsOn, wouldRaise) : null;
        return new WhatIf(
                screeningId,
                kb.version(),
                kb.version().equals(storedVersion),
                patterns,
                ranked,
                referral,
                evaluated + 1,
                limit,
                run.size() == all.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private void patternChanges(
            Variant v,
            ScreeningResult baseline,
            ScreeningResult varied,
            Map<String, List<WhatIf.FindingChange>> byPattern) {
        Map<String, String> now = varied.patterns().stream()
                .collect(Collectors.toMap(ScreeningResult.PatternResult::code, ScreeningResult.PatternResult::status));
        for (ScreeningResult.PatternResult p : baseline.patterns()) {
            String after = now.get(p.code());
            if (v.patterns().contains(p.code()) && after != null && !after.equals(p.status())) {
                byPattern.get(p.code()).add(WhatIfReading.finding(v, p, after));
            }
        }
    }

    /** Tests the red-flag screen holds back while a question of their domain is unanswered. */
    private static Set<String> heldTests(ScreeningResult baseline, KnowledgeBase kb) {
        if (baseline.redFlags() == null || baseline.redFlags().screen() == null) {
            return Set.of();
        }
        Set<String> open = baseline.redFlags().screen().unanswered() == null
                ? Set.of()
                : baseline.redFlags().screen().unanswered().stream()
                        .map(ScreeningResult.UnansweredDomain::domain)
                        .collect(Collectors.toSet());
        return kb.reference().redFlags().stream()
                .filter(r -> open.contains(r.getDomain()))
                .map(RedFlagDefinition::getTestsAfterAnswer)
                .flatMap(List::stream)
                .collect(Collectors.toSet());
    }

    private ScreeningResult evaluate(ObjectNode request, KnowledgeBase kb) {
        return evaluator.evaluate(evaluator.read(request.toString()), kb);
    }

    /** A variant the request's own checks refuse (an input its reference data does not allow) is left out. */
    private ScreeningResult evaluateOrNull(ObjectNode request, KnowledgeBase kb) {
        try {
            return evaluate(request, kb);
        } catch (InvalidRequestException e) {
            return null;
        }
    }
}
