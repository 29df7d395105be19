package io.crosscheck.screening.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.explain.ProvenanceRecorder;
import io.crosscheck.engine.explain.ProvenanceRecorder.Recorded;
import io.crosscheck.engine.facts.Contributor;
import io.crosscheck.engine.facts.ExerciseWithheld;
import io.crosscheck.engine.facts.Finding;
import io.crosscheck.engine.facts.FindingDefinition;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.InterventionDefinition;
import io.crosscheck.engine.facts.InterventionIndication;
import io.crosscheck.engine.facts.MissingTest;
import io.crosscheck.engine.facts.PatternConclusion;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.engine.facts.PatternOnHold;
import io.crosscheck.engine.facts.PatternStatus;
import io.crosscheck.engine.facts.PatternSubtype;
import io.crosscheck.engine.facts.Precaution;
import io.crosscheck.engine.facts.RedFlag;
import io.crosscheck.engine.facts.RedFlagScreen;
import io.crosscheck.engine.facts.Referral;
import io.crosscheck.engine.facts.TestDefinition;
import io.crosscheck.engine.facts.UnansweredRedFlag;
import io.crosscheck.engine.facts.Withheld;
import io.crosscheck.engine.facts.YellowFlag;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.AbsentEvidence;
import io.crosscheck.screening.model.ScreeningResult.FindingResult;
import io.crosscheck.screening.model.ScreeningResult.InterventionResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import io.crosscheck.screening.model.ScreeningResult.RedFlagOutcome;
import io.crosscheck.screening.model.ScreeningResult.ReferralResult;
import io.crosscheck.screening.model.ScreeningResult.TestResult;
import io.crosscheck.screening.model.ScreeningResult.WithheldIntervention;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shapes the conclusions of one evaluation into a {@link ScreeningResult}. It decides nothing
 * clinical: every entry comes from a conclusion some rule drew, and points back at it.
 */
final class ResultAssembler {

    private ResultAssembler() {}

    static ScreeningResult assemble(
            String clientRef, KnowledgeBase kb, List<? extends InputFact> inputs, ProvenanceRecorder recorder) {
        List<Recorded> all = recorder.conclusions();
        List<String> testsPerformed = inputs.stream()
                .map(InputFact::getTestCode)
                .filter(java.util.Objects::nonNull)
                .toList();
        List<PatternResult> patterns = patterns(kb, all, testsPerformed);
        RedFlagOutcome redFlags = redFlags(all);
        return new ScreeningResult(
                null,
                null,
                clientRef,
                new ScreeningResult.KnowledgeBaseRef(kb.version(), kb.loadedAt()),
                ScreeningResult.DISCLAIMER,
                summary(redFlags, patterns),
                patterns,
                redFlags,
                interventions(all),
                withheld(all),
                all.stream()
                        .filter(r -> r.fact() instanceof Precaution)
                        .map(r -> new ScreeningResult.PrecautionResult(
                                ((Precaution) r.fact()).getCode(),
                                ((Precaution) r.fact()).getText(),
                                ProvenanceRecorder.because(r),
                                r.rule().id()))
                        .toList(),
                all.stream()
                        .filter(r -> r.fact() instanceof Contributor)
                        .map(ProvenanceRecorder::because)
                        .distinct()
                        .toList(),
                all.stream()
                        .filter(r -> r.fact() instanceof YellowFlag)
                        .map(ProvenanceRecorder::because)
                        .distinct()
                        .toList(),
                recorder.explanation());
    }

    private static List<PatternResult> patterns(KnowledgeBase kb, List<Recorded> all, List<String> testsPerformed) {
        List<PatternResult> out = new ArrayList<>();
        for (Recorded r : all) {
            if (!(r.fact() instanceof PatternConclusion p)) {
                continue;
            }
            List<FindingResult> findings = new ArrayList<>();
            List<ScreeningResult.SubtypeResult> subtypes = new ArrayList<>();
            for (Recorded f : all) {
                if (f.fact() instanceof Finding finding && finding.getPattern().equals(p.getPattern())) {
                    String evidence = kb.reference()
                            .finding(finding.getCode())
                            .map(FindingDefinition::getEvidence)
                            .orElse(null);
                    findings.add(new FindingResult(
                            finding.getCode(),
                            finding.getLabel(),
                            finding.getCategory(),
                            finding.getSide() == null ? null : finding.getSide().label(),
                            ProvenanceRecorder.because(f),
                            evidence,
                            f.id(),
                            f.rule().id()));
                } else if (f.fact() instanceof PatternSubtype st
                        && st.getPattern().equals(p.getPattern())) {
                    subtypes.add(new ScreeningResult.SubtypeResult(
                            st.getCode(),
                            st.getLabel(),
                            ProvenanceRecorder.because(f),
                            f.rule().id()));
                }
            }
            // most decisive test first (the rank the why-not rule gave it); stable for equal ranks
            List<Recorded> missingTests = all.stream()
                    .filter(m ->
                            m.fact() instanceof MissingTest t && t.getPattern().equals(p.getPattern()))
                    .sorted(Comparator.comparingDouble(m -> -((MissingTest) m.fact()).getRank()))
                    .toList();
            // absent evidence is listed where the rules found the pattern relevant: some of its evidence is
            // present, or the why-not rules named tests for it; otherwise it is noise about another region
            List<AbsentEvidence> absent = new ArrayList<>();
            Set<String> performed = new HashSet<>(testsPerformed);
            boolean relevant = !p.getFindingCodes().isEmpty() || !missingTests.isEmpty();
            for (FindingDefinition d : kb.reference().findings()) {
                if (relevant
                        && d.getPattern().equals(p.getPattern())
                        && !p.getFindingCodes().contains(d.getCode())) {
                    absent.add(new AbsentEvidence(
                            d.getCode(),
                            d.getLabel(),
                            d.getTests(),
                            d.getTests().stream().anyMatch(performed::contains)));
                }
            }
            List<TestResult> missing = new ArrayList<>();
            for (Recorded m : missingTests) {
                MissingTest t = (MissingTest) m.fact();
                String note = kb.reference()
                        .test(t.getTestCode().split(":")[0])
                        .map(TestDefinition::getEvidence)
                        .orElse(null);
                missing.add(new TestResult(t.getTestCode(), t.getTestName(), note, m.id()));
            }
            boolean onHold = all.stream()
                    .anyMatch(h -> h.fact() instanceof PatternOnHold ph
                            && ph.getPattern().equals(p.getPattern()));
            String note = kb.reference()
                    .pattern(p.getPattern())
                    .map(PatternDefinition::getEvidenceNote)
                    .orElse(null);
            String statement = onHold
                    ? capitalise(PatternOnHold.REASON) + "; the " + p.getName()
                            + " findings are kept for the record only"
                    : capitalise(p.getStatus().phrase()) + " the " + p.getName() + " pattern";
            out.add(new PatternResult(
                    p.getPattern(),
                    p.getName(),
                    ScreeningResult.code(p.getStatus()),
                    onHold ? PatternOnHold.REASON : "assessed",
                    statement,
                    ProvenanceRecorder.because(r),
                    note,
                    findings,
                    subtypes,
                    absent,
                    missing,
                    r.id(),
                    r.rule().id()));
        }
        return out;
    }

    private static RedFlagOutcome redFlags(List<Recorded> all) {
        Map<String, List<Recorded>> flagsByDomain = new LinkedHashMap<>();
        for (Recorded r : all) {
            if (r.fact() instanceof RedFlag flag) {
                flagsByDomain
                        .computeIfAbsent(flag.getDomain(), d -> new ArrayList<>())
                        .add(r);
            }
        }
        // most urgent first (stable, so equal urgencies keep derivation order)
        List<Recorded> byUrgency = all.stream()
                .filter(r -> r.fact() instanceof Referral)
                .sorted(Comparator.comparing(r -> ((Referral) r.fact()).getUrgency()))
                .toList();
        List<ReferralResult> referrals = new ArrayList<>();
        for (Recorded r : byUrgency) {
            Referral ref = (Referral) r.fact();
            List<Recorded> flags = flagsByDomain.getOrDefault(ref.getDomain(), List.of());
            Set<String> ruleIds = new LinkedHashSet<>();
            flags.forEach(f -> ruleIds.add(f.rule().id()));
            ruleIds.add(r.rule().id());
            referrals.add(new ReferralResult(
                    ref.getDomain(),
                    ref.getDomainLabel(),
                    ScreeningResult.code(ref.getUrgency()),
                    flags.stream()
                            .map(f -> ((RedFlag) f.fact()).getLabel())
                            .distinct()
                            .toList(),
                    List.copyOf(ruleIds),
                    r.id()));
        }
        boolean withheld = all.stream().anyMatch(r -> r.fact() instanceof ExerciseWithheld);
        return new RedFlagOutcome(
                !referrals.isEmpty(),
                referrals.isEmpty() ? null : referrals.get(0).urgency(),
                withheld,
                referrals,
                screen(all));
    }

    /** The screen status a rule concluded and the unanswered questions by domain, in catalogue order. */
    private static ScreeningResult.ScreenResult screen(List<Recorded> all) {
        Recorded screen = all.stream()
                .filter(r -> r.fact() instanceof RedFlagScreen)
                .findFirst()
                .orElse(null);
        Map<String, List<UnansweredRedFlag>> byDomain = new LinkedHashMap<>();
        for (Recorded r : all) {
            if (r.fact() instanceof UnansweredRedFlag u) {
                byDomain.computeIfAbsent(u.getDomain(), d -> new ArrayList<>()).add(u);
            }
        }
        List<ScreeningResult.UnansweredDomain> unanswered = new ArrayList<>();
        byDomain.forEach((domain, questions) -> unanswered.add(new ScreeningResult.UnansweredDomain(
                domain,
                questions.get(0).getDomainLabel(),
                questions.stream()
                        .map(q -> new ScreeningResult.Question(q.getCode(), q.getLabel()))
                        .toList())));
        if (screen == null) {
            return new ScreeningResult.ScreenResult(RedFlagScreen.INCOMPLETE, unanswered, null, null);
        }
        return new ScreeningResult.ScreenResult(
                ((RedFlagScreen) screen.fact()).getStatus(),
                unanswered,
                ProvenanceRecorder.because(screen),
                screen.rule().id());
    }

    /** Leads with the referral, else with an incomplete screen, else with the screen and the pattern outcome. */
    private static ScreeningResult.Summary summary(RedFlagOutcome redFlags, List<PatternResult> patterns) {
        String status = redFlags.screen().status();
        if (redFlags.referral()) {
            ReferralResult first = redFlags.referrals().get(0);
            return new ScreeningResult.Summary(
                    status,
                    "withheld",
                    "Refer (" + redFlags.urgency() + ") to exclude " + first.label() + ": "
                            + String.join(", ", first.reasons())
                            + ". Everything but the referral is withheld until it has been dealt with.");
        }
        if (RedFlagScreen.INCOMPLETE.equals(status)) {
            int n = redFlags.screen().unanswered().stream()
                    .mapToInt(d -> d.questions().size())
                    .sum();
            return new ScreeningResult.Summary(
                    status,
                    "provisional",
                    "Red-flag screen incomplete: " + n
                            + (n == 1 ? " applicable question" : " applicable questions") + " not answered ("
                            + String.join(
                                    ", ",
                                    redFlags.screen().unanswered().stream()
                                            .map(ScreeningResult.UnansweredDomain::label)
                                            .toList())
                            + "). The plan is provisional until the screen is complete.");
        }
        String outcome = patterns.stream()
                .filter(p -> p.patternStatus() == PatternStatus.CONSISTENT && !"LAYER".equals(p.code()))
                .map(PatternResult::statement)
                .findFirst()
                .orElse(patterns.stream()
                        .filter(p -> p.patternStatus() == PatternStatus.PARTIAL)
                        .map(PatternResult::statement)
                        .findFirst()
                        .orElse("No pattern reached"));
        return new ScreeningResult.Summary(status, "final", "Red-flag screen complete and negative. " + outcome + ".");
    }

    private static List<InterventionResult> interventions(List<Recorded> all) {
        Set<InterventionIndication> withheld = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Recorded r : all) {
            if (r.fact() instanceof Withheld w) {
                withheld.add(w.getIndication());
            }
        }
        Map<String, List<Recorded>> byId = new LinkedHashMap<>();
        for (Recorded r : all) {
            if (r.fact() instanceof InterventionIndication ind && !withheld.contains(ind)) {
                byId.computeIfAbsent(ind.getInterventionId(), id -> new ArrayList<>())
                        .add(r);
            }
        }
        List<InterventionResult> out = new ArrayList<>();
        byId.forEach((id, indications) -> {
            InterventionDefinition def =
                    ((InterventionIndication) indications.get(0).fact()).getIntervention();
            Set<String> rationale = new LinkedHashSet<>();
            Set<String> ruleIds = new LinkedHashSet<>();
            List<String> conclusionIds = new ArrayList<>();
            for (Recorded r : indications) {
                rationale.add(((InterventionIndication) r.fact()).getReason());
                ruleIds.add(r.rule().id());
                conclusionIds.add(r.id());
            }
            out.add(new InterventionResult(
                    def.getId(),
                    def.getName(),
                    def.getCategory(),
                    def.getPhase(),
                    def.getTargets(),
                    def.getDose(),
                    def.getPrecautions(),
                    List.copyOf(rationale),
                    List.copyOf(ruleIds),
                    conclusionIds));
        });
        // Janda sequence: normalise periphery, lengthen, activate/strengthen, sensorimotor, endurance. Within
        // phase 0, completing the screen comes first, then referrals, then education.
        out.sort(Comparator.comparingInt(InterventionResult::phase).thenComparingInt(i -> switch (i.category()) {
            case "assessment" -> 0;
            case "referral" -> 1;
            default -> 2;
        }));
        return out;
    }

    private static List<WithheldIntervention> withheld(List<Recorded> all) {
        Map<String, WithheldIntervention> byId = new LinkedHashMap<>();
        for (Recorded r : all) {
            if (r.fact() instanceof Withheld w) {
                InterventionDefinition def = w.getIndication().getIntervention();
                byId.putIfAbsent(
                        def.getId(),
                        new WithheldIntervention(
                                def.getId(),
                                def.getName(),
                                w.getReason(),
                                r.rule().id()));
            }
        }
        return List.copyOf(byId.values());
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
