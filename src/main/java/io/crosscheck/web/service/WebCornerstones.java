package io.crosscheck.web.service;

import io.crosscheck.authoring.cornerstone.Conclusion;
import io.crosscheck.authoring.cornerstone.Cornerstone;
import io.crosscheck.authoring.cornerstone.CornerstoneAcceptances;
import io.crosscheck.authoring.cornerstone.CornerstoneHold;
import io.crosscheck.authoring.cornerstone.CornerstoneScenario;
import io.crosscheck.authoring.cornerstone.CornerstoneService;
import io.crosscheck.authoring.cornerstone.CornerstoneViews;
import io.crosscheck.knowledge.service.VersionLabels;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the authors' pages show of cornerstone cases: every case (or a rule's) with its origin, status and expected
 * conclusion in words, and what a candidate version does to them side by side; promoting a clinician's note on a
 * rule page and accepting a changed conclusion on a proposal page go through the same services as the API.
 */
@ApplicationScoped
public class WebCornerstones {

    /** A case in a list: its words, status (and its CSS class) and the version its expected conclusion is of. */
    public record Row(
            String id,
            String shortId,
            String origin,
            List<String> rules,
            String expected,
            String decidedBy,
            String decidedIn,
            String decisionReason,
            String promotedBy,
            String promotedAt,
            String reason,
            String status,
            String versionLabel,
            String summary,
            List<Conclusion.Row> conclusion,
            String acceptedBy,
            String acceptedAt,
            String acceptedReason) {
        public String statusClass() {
            return status.replace(' ', '-');
        }
    }

    private final CornerstoneService cornerstones;
    private final CornerstoneAcceptances acceptances;
    private final CornerstoneHold hold;
    private final CornerstoneViews views;
    private final VersionLabels labels;

    WebCornerstones(
            CornerstoneService cornerstones,
            CornerstoneAcceptances acceptances,
            CornerstoneHold hold,
            CornerstoneViews views,
            VersionLabels labels) {
        this.cornerstones = cornerstones;
        this.acceptances = acceptances;
        this.hold = hold;
        this.views = views;
        this.labels = labels;
    }

    /** Every case, newest first; with {@code rule}, the rule's. */
    public List<Row> rows(String rule) {
        return cornerstones.list(rule).stream().map(this::row).toList();
    }

    /** Origin id -> short id of the case it became, for the notes a rule page offers to promote. */
    public Map<UUID, String> promoted(String rule) {
        Map<UUID, String> out = new HashMap<>();
        cornerstones.list(rule).forEach(c -> out.put(c.originId, c.shortId()));
        return out;
    }

    /** Promotes a disagreement ({@code kind} disagreement) or an override ({@code kind} override) with the reason. */
    public Cornerstone promote(String kind, String id, String reason) {
        return cornerstones.promote(new CornerstoneService.Promotion(
                "disagreement".equals(kind) ? id : null, "override".equals(kind) ? id : null, reason, null));
    }

    /** Accepts (or confirms) the conclusion {@code version} gives case {@code id}. */
    public CornerstoneViews.Change accept(UUID id, String version, String reason, String by) {
        return acceptances.accept(id, version, reason, by);
    }

    /** The case as a scenario file: its name and text. */
    public Map.Entry<String, String> scenario(UUID id) {
        Cornerstone c = cornerstones.find(id);
        return Map.entry(CornerstoneScenario.fileName(c), CornerstoneScenario.yaml(c, views));
    }

    /** What {@code version} does to the cases, as last checked. */
    public Optional<CornerstoneViews.Changes> changes(String version) {
        return hold.changes(version);
    }

    private Row row(Cornerstone c) {
        Conclusion expected = views.conclusion(c.conclusionJson);
        return new Row(
                c.id.toString(),
                c.shortId(),
                c.origin,
                c.rules(),
                c.expected,
                c.decidedBy,
                c.decidedIn,
                c.decisionReason,
                c.promotedBy,
                WebScreenings.WHEN.format(c.promotedAt),
                c.reason,
                c.status,
                labels.text(c.kbVersion),
                Conclusion.sideBySide(expected, expected).stream()
                        .filter(r -> r.aspect().startsWith("pattern ")
                                || r.aspect().equals("referral")
                                || r.aspect().equals("plan")
                                || r.aspect().equals("request"))
                        .map(r -> r.aspect().replace("pattern ", "") + " " + r.before())
                        .collect(java.util.stream.Collectors.joining(" · ")),
                Conclusion.sideBySide(expected, expected),
                c.acceptedBy,
                c.acceptedAt == null ? null : WebScreenings.WHEN.format(c.acceptedAt),
                c.acceptedReason);
    }
}
