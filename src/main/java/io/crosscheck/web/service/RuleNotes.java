package io.crosscheck.web.service;

import io.crosscheck.cdshooks.service.FeedbackService;
import io.crosscheck.common.access.Caller;
import io.crosscheck.screening.service.DisagreementService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What clinicians said about a rule, shown beside it for its authors: disagreements recorded on results
 * (what the clinician expected instead) and CDS Hooks card feedback from EHRs (accepted or overridden,
 * with reasons).
 */
@ApplicationScoped
public class RuleNotes {

    /**
     * One line of feedback on a rule; {@code kind} and {@code id} name the record when an author may promote it into
     * a cornerstone case (a disagreement of their clinic, an overridden card), null otherwise; {@code cornerstone}: the
     * short id of the case it became, if it was promoted.
     */
    public record Note(
            String source,
            String outcome,
            String text,
            String at,
            String kind,
            java.util.UUID id,
            String cornerstone) {}

    private final FeedbackService feedback;
    private final DisagreementService disagreements;
    private final Caller caller;
    private final WebCornerstones cornerstones;

    private final io.crosscheck.common.time.ClinicTime time;

    RuleNotes(
            FeedbackService feedback,
            DisagreementService disagreements,
            Caller caller,
            WebCornerstones cornerstones,
            io.crosscheck.common.time.ClinicTime time) {
        this.time = time;
        this.cornerstones = cornerstones;
        this.feedback = feedback;
        this.disagreements = disagreements;
        this.caller = caller;
    }

    public List<Note> of(String ruleId) {
        java.util.Map<java.util.UUID, String> promoted = cornerstones.promoted(null);
        List<Note> notes = new ArrayList<>();
        for (DisagreementService.DisagreementView d :
                disagreements.forRule(ruleId).disagreements()) {
            notes.add(new Note(
                    "disagreement by " + d.user() + " (knowledge base "
                            + d.kbVersion()
                                    .substring(0, Math.min(15, d.kbVersion().length())) + ")",
                    "disagrees",
                    "expected: " + d.expected() + (d.comment() == null ? "" : " — " + d.comment()),
                    d.at() == null ? "" : time.format(d.at()),
                    d.clinic().equals(caller.clinicId()) ? "disagreement" : null,
                    d.clinic().equals(caller.clinicId()) ? d.id() : null,
                    promoted.get(d.id())));
        }
        FeedbackService.RuleFeedback f = feedback.forRule(ruleId);
        if (f != null && f.recent() != null) {
            for (FeedbackService.Entry e : f.recent()) {
                String text = e.reasonDisplay() == null
                        ? (e.comment() == null ? "" : e.comment())
                        : e.reasonDisplay() + (e.comment() == null ? "" : ": " + e.comment());
                boolean overridden = "overridden".equals(e.outcome());
                notes.add(new Note(
                        "EHR card (" + e.service() + ")",
                        e.outcome(),
                        text,
                        e.at() == null ? "" : time.format(e.at()),
                        overridden ? "override" : null,
                        overridden ? e.id() : null,
                        promoted.get(e.id())));
            }
        }
        return notes;
    }
}
