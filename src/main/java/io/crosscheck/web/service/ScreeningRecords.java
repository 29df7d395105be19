package io.crosscheck.web.service;

import io.crosscheck.common.time.ClinicTime;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.screening.Screening;
import io.crosscheck.screening.service.DisagreementService;
import io.crosscheck.screening.service.ScreeningService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The screening around a stored result, as the result page and the clinician's report show it
 * ({@link ResultView.ScreeningRecord}): who screened, the visit's and this version's times in the clinic's time zone,
 * the version and its amendment reason, what changed from the version before ({@link AmendmentDiff}), the measured
 * values and symptoms recorded ({@link RequestFields}), and the disagreements recorded with its conclusions.
 */
@ApplicationScoped
public class ScreeningRecords {

    private static final Set<RequestFields.Group> MEASURED = EnumSet.of(
            RequestFields.Group.POSTURE,
            RequestFields.Group.MUSCLE_LENGTH,
            RequestFields.Group.MOVEMENT,
            RequestFields.Group.OTHER);

    /** The confirmation shown where the clinician recorded a disagreement. */
    public static final String DISAGREEMENT_NOTED =
            "Your disagreement is recorded: it is listed here and on the printed report, and the rule's authors see it"
                    + " beside the rule. The result itself is unchanged.";

    private final WebScreenings screenings;
    private final ScreeningService screeningService;
    private final DisagreementService disagreements;
    private final ClinicTime time;

    ScreeningRecords(
            WebScreenings screenings,
            ScreeningService screeningService,
            DisagreementService disagreements,
            ClinicTime time) {
        this.screenings = screenings;
        this.screeningService = screeningService;
        this.disagreements = disagreements;
        this.time = time;
    }

    /** The record of a stored screening of the caller's clinic. */
    public ResultView.ScreeningRecord of(WebScreenings.Stored stored) {
        KnowledgeBase kb = screenings.knowledgeBase();
        Screening s = stored.screening();
        int versions = screeningService.versions(s.id).map(List::size).orElse(1);
        List<AmendmentDiff.Change> changes = s.amendsId == null
                ? List.of()
                : screenings
                        .stored(s.amendsId)
                        .map(previous -> AmendmentDiff.between(kb, previous.request(), stored.request()))
                        .orElse(List.of());
        List<RequestFields.Field> fields = RequestFields.of(kb, stored.request());
        Map<String, String> conclusions = ResultViews.conclusions(stored.result()).stream()
                .collect(Collectors.toMap(FormField.Option::value, FormField.Option::label, (a, b) -> a));
        List<ResultView.Disagreement> recorded = disagreements.forScreening(s.id).stream()
                .map(d -> new ResultView.Disagreement(
                        d.conclusionId() == null
                                ? "Rule " + d.ruleId()
                                : conclusions.getOrDefault(d.conclusionId(), "Rule " + d.ruleId()),
                        d.expected(),
                        d.comment(),
                        d.user(),
                        time.format(d.at())))
                .toList();
        return new ResultView.ScreeningRecord(
                s.createdBy,
                time.format(s.screened()),
                time.format(s.createdAt),
                s.version(),
                Math.max(versions, s.version()),
                s.amendReason,
                s.amendsId == null ? null : s.amendsId.toString(),
                changes,
                fields.stream().filter(f -> MEASURED.contains(f.group())).toList(),
                fields.stream()
                        .filter(f -> f.group() == RequestFields.Group.SYMPTOM)
                        .toList(),
                recorded);
    }

    /** The newest version of a chain, or null for none. */
    public static ScreeningService.ScreeningVersion latest(List<ScreeningService.ScreeningVersion> versions) {
        return versions.stream()
                .filter(ScreeningService.ScreeningVersion::latest)
                .findFirst()
                .orElse(null);
    }

    /**
     * Why an amendment of the version {@code id} was refused (409): another amendment superseded it meanwhile; names the
     * newest version and says the changes typed are still in the form.
     */
    public String superseded(UUID id) {
        ScreeningService.ScreeningVersion newest =
                latest(screeningService.versions(id).orElse(List.of()));
        if (newest == null) {
            return "This version was amended meanwhile, so your changes were not saved: amend the newest version.";
        }
        return "This version was amended meanwhile: version " + newest.version()
                + (newest.reason() == null ? "" : " (“" + newest.reason() + "”)")
                + " is now the newest, so this one can no longer be amended and your changes were not saved. They are"
                + " still in the form below: open version " + newest.version()
                + " from the client's timeline or its result page, amend it, and enter them there.";
    }
}
