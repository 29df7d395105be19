package io.crosscheck.screening.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.explain.ProvenanceRecorder.Recorded;
import io.crosscheck.engine.explain.ProvenanceRecorder;
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
import io.crosscheck.engine.facts.PatternSubtype;
import io.crosscheck.engine.facts.Precaution;
import io.crosscheck.engine.facts.RedFlag;
import io.crosscheck.engine.facts.Referral;
import io.crosscheck.engine.facts.TestDefinition;
import io.crosscheck.engine.facts.Urgency;
import io.crosscheck.engine.facts.Withheld;
import io.crosscheck.engine.facts.YellowFlag;
import io.crosscheck.screening.model.ScreeningResult.AbsentEvidence;
import io.crosscheck.screening.model.ScreeningResult.FindingResult;
import io.crosscheck.screening.model.ScreeningResult.InterventionResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import io.crosscheck.screening.model.ScreeningResult.RedFlagOutcome;
import io.crosscheck.screening.model.ScreeningResult.ReferralResult;
import io.crosscheck.screening.model.ScreeningResult.TestResult;
import io.crosscheck.screening.model.ScreeningResult.WithheldIntervention;
import io.crosscheck.screening.model.ScreeningResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Shapes the conclusions of one evaluation into a {@link ScreeningResult}. It decides nothing
 * clinical: every entry comes from a conclusion some rule drew, and points back at it.
 */
final class ResultAssembler {

    private ResultAssembler() {
    }

    static ScreeningResult assemble(String clientRef, KnowledgeBase kb, List<? extends InputFact> inputs,
                                    ProvenanceRecorder recorder) {
        List<Recorded> all = recorder.conclusions();
        List<String> testsPerformed = inputs.stream().map(InputFact::getTestCode).filter(java.util.Objects::nonNull).toList();
        return new ScreeningResult(null, null, clientRef,
                new ScreeningResult.KnowledgeBaseRef(kb.version(), kb.loadedAt()),
                ScreeningResult.DISCLAIMER,
                patterns(kb, all, testsPerformed),
                redFlags(all),
                interventions(all),
                withheld(all),
                all.stream().filter(r -> r.fact() instanceof Precaution).map(r -> new ScreeningResult.PrecautionResult(
                        ((Precaution) r.fact()).getCode(), ((Precaution) r.fact()).getText(), ProvenanceRecorder.because(r),
                        r.rule().id())).toList(),
                all.stream().filter(r -> r.fact() instanceof Contributor).map(ProvenanceRecorder::because).distinct().toList(),
                all.stream().filter(r -> r.fact() instanceof YellowFlag).map(ProvenanceRecorder::because).distinct().toList(),
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
                    String evidence = kb.reference().finding(finding.getCode()).map(FindingDefinition::getEvidence).orElse(null);
                    findings.add(new FindingResult(finding.getCode(), finding.getLabel(), finding.getCategory(),
                            finding.getSide() == null ? null : finding.getSide().label(), ProvenanceRecorder.because(f),
                            evidence, f.id(), f.rule().id()));
                } else if (f.fact() instanceof PatternSubtype st && st.getPattern().equals(p.getPattern())) {
                    subtypes.add(new ScreeningResult.SubtypeResult(st.getCode(), st.getLabel(), ProvenanceRecorder.because(f), f.rule().id()));
                }
            }
            List<AbsentEvidence> absent = new ArrayList<>();
            Set<String> performed = new HashSet<>(testsPerformed);
            for (FindingDefinition d : kb.reference().findings()) {
                if (d.getPattern().equals(p.getPattern()) && !p.getFindingCodes().contains(d.getCode())) {
                    absent.add(new AbsentEvidence(d.getCode(), d.getLabel(), d.getTests(),
                            d.getTests().stream().anyMatch(performed::contains)));
                }
            }
            List<TestResult> missing = new ArrayList<>();
            for (Recorded m : all) {
                if (m.fact() instanceof MissingTest t && t.getPattern().equals(p.getPattern())) {
                    String note = kb.reference().test(t.getTestCode().split(":")[0]).map(TestDefinition::getEvidence).orElse(null);
                    missing.add(new TestResult(t.getTestCode(), t.getTestName(), note, m.id()));
                }
            }
            String note = kb.reference().pattern(p.getPattern()).map(PatternDefinition::getEvidenceNote).orElse(null);
            out.add(new PatternResult(p.getPattern(), p.getName(), p.getStatus().name().toLowerCase(Locale.ROOT),
                    capitalise(p.getStatus().phrase()) + " the " + p.getName() + " pattern",
                    ProvenanceRecorder.because(r), note, findings, subtypes, absent, missing, r.id(), r.rule().id()));
        }
        return out;
    }

    private static RedFlagOutcome redFlags(List<Recorded> all) {
        Map<String, List<Recorded>> flagsByDomain = new LinkedHashMap<>();
        for (Recorded r : all) {
            if (r.fact() instanceof RedFlag flag) {
                flagsByDomain.computeIfAbsent(flag.getDomain(), d -> new ArrayList<>()).add(r);
            }
        }
        // most urgent first (stable, so equal urgencies keep derivation order)
        List<Recorded> byUrgency = all.stream().filter(r -> r.fact() instanceof Referral)
                .sorted(Comparator.comparing(r -> ((Referral) r.fact()).getUrgency())).toList();
        List<ReferralResult> referrals = new ArrayList<>();
        for (Recorded r : byUrgency) {
            Referral ref = (Referral) r.fact();
            List<Recorded> flags = flagsByDomain.getOrDefault(ref.getDomain(), List.of());
            Set<String> ruleIds = new LinkedHashSet<>();
            flags.forEach(f -> ruleIds.add(f.rule().id()));
            ruleIds.add(r.rule().id());
            referrals.add(new ReferralResult(ref.getDomain(), ref.getDomainLabel(), lower(ref.getUrgency()),
                    flags.stream().map(f -> ((RedFlag) f.fact()).getLabel()).distinct().toList(), List.copyOf(ruleIds), r.id()));
        }
        boolean withheld = all.stream().anyMatch(r -> r.fact() instanceof ExerciseWithheld);
        return new RedFlagOutcome(!referrals.isEmpty(), referrals.isEmpty() ? null : referrals.get(0).urgency(), withheld, referrals);
    }

    private static List<InterventionResult> interventions(List<Recorded> all) {
        Map<InterventionIndication, Boolean> withheld = new IdentityHashMap<>();
        for (Recorded r : all) {
            if (r.fact() instanceof Withheld w) {
                withheld.put(w.getIndication(), true);
            }
        }
        Map<String, List<Recorded>> byId = new LinkedHashMap<>();
        for (Recorded r : all) {
            if (r.fact() instanceof InterventionIndication ind && !withheld.containsKey(ind)) {
                byId.computeIfAbsent(ind.getInterventionId(), id -> new ArrayList<>()).add(r);
            }
        }
        List<InterventionResult> out = new ArrayList<>();
        byId.forEach((id, indications) -> {
            InterventionDefinition def = ((InterventionIndication) indications.get(0).fact()).getIntervention();
            Set<String> rationale = new LinkedHashSet<>();
            Set<String> ruleIds = new LinkedHashSet<>();
            List<String> conclusionIds = new ArrayList<>();
            for (Recorded r : indications) {
                rationale.add(((InterventionIndication) r.fact()).getReason());
                ruleIds.add(r.rule().id());
                conclusionIds.add(r.id());
            }
            out.add(new InterventionResult(def.getId(), def.getName(), def.getCategory(), def.getPhase(), def.getTargets(),
                    def.getDose(), def.getPrecautions(), List.copyOf(rationale), List.copyOf(ruleIds), conclusionIds));
        });
        // Janda sequence: normalise periphery, lengthen, activate/strengthen, sensorimotor, endurance.
        out.sort(Comparator.comparingInt(InterventionResult::phase));
        return out;
    }

    private static List<WithheldIntervention> withheld(List<Recorded> all) {
        Map<String, WithheldIntervention> byId = new LinkedHashMap<>();
        for (Recorded r : all) {
            if (r.fact() instanceof Withheld w) {
                InterventionDefinition def = w.getIndication().getIntervention();
                byId.putIfAbsent(def.getId(), new WithheldIntervention(def.getId(), def.getName(),
                        "withheld until the referral has been dealt with", r.rule().id()));
            }
        }
        return List.copyOf(byId.values());
    }

    private static String lower(Urgency u) {
        return u.name().toLowerCase(Locale.ROOT);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
