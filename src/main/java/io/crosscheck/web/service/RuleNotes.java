package io.crosscheck.web.service;

import io.crosscheck.cdshooks.service.FeedbackService;
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

    /** One line of feedback on a rule. */
    public record Note(String source, String outcome, String text, String at) {}

    private final FeedbackService feedback;
    private final DisagreementService disagreements;

    private final io.crosscheck.common.time.ClinicTime time;

    RuleNotes(FeedbackService feedback, DisagreementService disagreements, io.crosscheck.common.time.ClinicTime time) {
        this.time = time;
        this.feedback = feedback;
        this.disagreements = disagreements;
    }

    public List<Note> of(String ruleId) {
        List<Note> notes = new ArrayList<>();
        for (DisagreementService.DisagreementView d :
                disagreements.forRule(ruleId).disagreements()) {
            notes.add(new Note(
                    "disagreement by " + d.user() + " (knowledge base "
                            + d.kbVersion()
                                    .substring(0, Math.min(15, d.kbVersion().length())) + ")",
                    "disagrees",
                    "expected: " + d.expected() + (d.comment() == null ? "" : " — " + d.comment()),
                    time.format(d.at())));
        }
        FeedbackService.RuleFeedback f = feedback.forRule(ruleId);
        if (f != null && f.recent() != null) {
            for (FeedbackService.Entry e : f.recent()) {
                String text = e.reasonDisplay() == null
                        ? (e.comment() == null ? "" : e.comment())
                        : e.reasonDisplay() + (e.comment() == null ? "" : ": " + e.comment());
                notes.add(new Note("EHR card (" + e.service() + ")", e.outcome(), text, time.format(e.at())));
            }
        }
        return notes;
    }
}
