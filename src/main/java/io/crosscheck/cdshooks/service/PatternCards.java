package io.crosscheck.cdshooks.service;

import io.crosscheck.engine.facts.RedFlagScreen;
import io.crosscheck.fhir.service.CrosscheckCodes;
import io.crosscheck.fhir.service.PlanRequests;
import io.crosscheck.screening.model.ScreeningResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * The card of a pattern the findings are consistent with (or partly): its statement, the status of both screens, the
 * "because" explanation, the evidence note and the plan in Janda's order, with the plan proposed as one optional
 * exercise-programme ServiceRequest. Its source names the pattern's own rules: the rules that drew its findings and
 * the rule that graded them, with the pattern as the source's topic; the grading rule's page is the link.
 */
final class PatternCards {

    private final CardBuilder b;

    PatternCards(CardBuilder b) {
        this.b = b;
    }

    CardBuilder.Issued card(
            ScreeningResult r, ScreeningResult.PatternResult p, String patientId, CardBuilder.Context ctx) {
        boolean provisional =
                r.summary() != null && "provisional".equals(r.summary().plan());
        String open = HealthScreenLines.provisionalBecause(r);
        StringBuilder d = new StringBuilder();
        d.append("**")
                .append(CardBuilder.markdown(p.statement()))
                .append("** (")
                .append(p.status())
                .append(provisional ? ", provisional" : "")
                .append(")\n\n")
                .append(redFlagStatus(r))
                .append(HealthScreenLines.status(r));
        if (p.because() != null) {
            d.append("- ").append(CardBuilder.markdown(p.because())).append('\n');
        }
        d.append("\n*Evidence:* ")
                .append(CardBuilder.markdown(p.evidenceNote()))
                .append("\n\n");
        List<ScreeningResult.InterventionResult> plan = r.interventions() == null ? List.of() : r.interventions();
        if (!plan.isEmpty()) {
            d.append("**Suggested interventions** (Janda sequence):\n\n");
            for (ScreeningResult.InterventionResult i : plan) {
                d.append("1. ")
                        .append(CardBuilder.markdown(i.name()))
                        .append(i.dose() == null ? "" : ": " + CardBuilder.markdown(i.dose()))
                        .append('\n');
            }
            d.append('\n');
        }
        d.append("_").append(ScreeningResult.DISCLAIMER).append("_");
        String summary = p.statement() + (provisional && !open.isEmpty() ? " (provisional: " + open + ")" : "");
        List<String> rules = rules(p);
        String findings = rules.stream().filter(id -> !id.equals(p.ruleId())).collect(Collectors.joining(", "));
        CdsModel.Source source = new CdsModel.Source(
                "Crosscheck rule " + p.ruleId() + (findings.isEmpty() ? "" : " on findings of " + findings)
                        + " (knowledge base " + r.knowledgeBase().version() + ")",
                b.ruleUrl(p.ruleId()),
                new CdsModel.Coding(CrosscheckCodes.SYSTEM, "pattern." + p.code(), p.name()));
        return b.issue(
                "pattern",
                summary,
                d.toString(),
                "info",
                p.ruleId(),
                rules,
                source,
                suggestions(r, p, plan, patientId),
                r,
                ctx);
    }

    /** The rules that drew the pattern's findings (in the order of the findings), then the rule that graded them. */
    static List<String> rules(ScreeningResult.PatternResult p) {
        Set<String> out = new LinkedHashSet<>();
        if (p.findings() != null) {
            p.findings().stream()
                    .map(ScreeningResult.FindingResult::ruleId)
                    .filter(id -> id != null)
                    .forEach(out::add);
        }
        out.remove(p.ruleId());
        out.add(p.ruleId());
        return new ArrayList<>(out);
    }

    /** The red-flag screen in one line when it is not complete: how many questions, by domain; empty otherwise. */
    static String redFlagStatus(ScreeningResult r) {
        ScreeningResult.ScreenResult screen =
                r.redFlags() == null ? null : r.redFlags().screen();
        if (screen == null || !RedFlagScreen.INCOMPLETE.equals(screen.status())) {
            return "";
        }
        int count = ScreenCards.count(screen);
        return "**Red-flag screen incomplete.** " + count + " question" + (count == 1 ? "" : "s")
                + " not answered (never read as \"no\"): "
                + screen.unanswered().stream()
                        .map(u -> CardBuilder.markdown(u.label()))
                        .collect(Collectors.joining(", "))
                + ".\n\n";
    }

    private List<CdsModel.Suggestion> suggestions(
            ScreeningResult r,
            ScreeningResult.PatternResult p,
            List<ScreeningResult.InterventionResult> plan,
            String patientId) {
        if (plan.isEmpty()) {
            return null;
        }
        ServiceRequest sr = PlanRequests.programme(b.orders(), p, plan, new Reference("Patient/" + patientId));
        sr.addIdentifier(CardBuilder.screeningIdentifier(r));
        return List.of(new CdsModel.Suggestion(
                "Propose an exercise programme",
                b.uuid(r.id()),
                false,
                List.of(new CdsModel.Action(
                        "create",
                        "Exercise programme for findings consistent with the " + p.name() + " pattern",
                        b.resource(sr)))));
    }
}
