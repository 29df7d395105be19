package io.crosscheck.screening.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.explain.ProvenanceRecorder;
import io.crosscheck.engine.explain.ProvenanceRecorder.Recorded;
import io.crosscheck.engine.facts.Finding;
import io.crosscheck.engine.facts.FindingDefinition;
import io.crosscheck.engine.facts.MissingTest;
import io.crosscheck.engine.facts.PatternConclusion;
import io.crosscheck.engine.facts.PatternDefinition;
import io.crosscheck.engine.facts.PatternOnHold;
import io.crosscheck.engine.facts.PatternSubtype;
import io.crosscheck.engine.facts.TestDefinition;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.model.ScreeningResult.AbsentEvidence;
import io.crosscheck.screening.model.ScreeningResult.FindingResult;
import io.crosscheck.screening.model.ScreeningResult.PatternResult;
import io.crosscheck.screening.model.ScreeningResult.TestResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The patterns section of a {@link ScreeningResult}: each pattern a rule concluded, with its findings,
 * subtypes, the evidence absent and the tests that would decide it, every entry pointing back at its rule.
 */
final class PatternAssembler {

    private PatternAssembler() {}

    static List<PatternResult> patterns(KnowledgeBase kb, List<Recorded> all, List<String> testsPerformed) {
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

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
