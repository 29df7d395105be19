package io.crosscheck.authoring.cornerstone;

import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.knowledge.config.ClusterConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every candidate against the cornerstone cases: the cases to evaluate with it ({@link #cases()}), what it concluded
 * for each recorded per version ({@link #record}), the problems that hold it back ({@link #held}: each case whose
 * conclusion it changes without a complete acceptance for this version), what it changes side by side ({@link
 * #changes}), and, once a version goes live, its accepted conclusions adopted as the expected ones ({@link #adopt}).
 */
@ApplicationScoped
public class CornerstoneHold {

    private final CornerstoneViews views;
    private final ClusterConfig cluster;
    private final Event<AuditEvent> audit;
    private final Clock clock = Clock.systemUTC();

    CornerstoneHold(CornerstoneViews views, ClusterConfig cluster, Event<AuditEvent> audit) {
        this.views = views;
        this.cluster = cluster;
        this.audit = audit;
    }

    /** Whether an acceptance needs a second author's confirmation ({@code crosscheck.cluster.require-approval}). */
    public boolean approvalRequired() {
        return cluster.requireApproval();
    }

    /** The cases every candidate is checked against: all but the retired, oldest first. */
    @Transactional
    public List<CornerstoneRuns.Case> cases() {
        return active().stream()
                .map(c -> new CornerstoneRuns.Case(c.id.toString(), views.tree(c.requestJson)))
                .toList();
    }

    /** Records what {@code version} concluded for each case (replacing an earlier check of the version). */
    @Transactional
    public void record(String version, List<CornerstoneRuns.Run> runs) {
        if (runs == null) {
            return;
        }
        CornerstoneCheck.delete("key.version", version);
        Instant now = clock.instant();
        for (CornerstoneRuns.Run run : runs) {
            UUID id = UUID.fromString(run.id());
            if (Cornerstone.findById(id) == null) {
                continue;
            }
            CornerstoneCheck check = new CornerstoneCheck();
            check.key = new CornerstoneCheck.Key(version, id);
            check.conclusionJson = views.write(run.conclusion());
            check.fired = String.join(" ", run.fired());
            check.checkedAt = now;
            check.persist();
        }
    }

    /**
     * Records the check and returns what holds {@code version} back: one problem per case whose conclusion it changes
     * without a complete acceptance of that conclusion for this version, and per case it was not checked against.
     */
    @Transactional
    public List<KnowledgeProblem> held(String version, List<CornerstoneRuns.Run> runs) {
        record(version, runs);
        Map<String, CornerstoneRuns.Run> byId = new HashMap<>();
        (runs == null ? List.<CornerstoneRuns.Run>of() : runs).forEach(r -> byId.put(r.id(), r));
        List<KnowledgeProblem> problems = new ArrayList<>();
        for (Cornerstone c : active()) {
            CornerstoneRuns.Run run = byId.get(c.id.toString());
            String where = "cornerstones/" + c.id;
            if (run == null) {
                problems.add(new KnowledgeProblem(
                        where,
                        0,
                        0,
                        "cornerstone " + c.shortId() + " was promoted while this candidate was checked: "
                                + "check it again"));
                continue;
            }
            Conclusion before = views.conclusion(c.conclusionJson);
            if (before.equals(run.conclusion()) || accepted(c.id, version, run.conclusion())) {
                continue;
            }
            problems.add(new KnowledgeProblem(
                    where,
                    0,
                    0,
                    "cornerstone " + c.shortId() + " (" + c.origin + ", " + String.join(" ", c.rules())
                            + ") changes: " + String.join("; ", Conclusion.changes(before, run.conclusion()))
                            + ". Accept it for this version (POST /api/v1/knowledge-base/cornerstones/" + c.id
                            + "/accept" + (approvalRequired() ? ", then a second author" : "")
                            + ") or change the candidate"));
        }
        return problems;
    }

    /** The short ids of the cases {@code version} changes without a complete acceptance, as last checked. */
    @Transactional
    public List<String> pending(String version) {
        return changes(version)
                .map(c -> c.cases().stream()
                        .filter(x -> !x.accepted())
                        .map(CornerstoneViews.Change::shortId)
                        .toList())
                .orElse(List.of());
    }

    /** What {@code version} does to the cases, as last checked; empty when it was never checked against any. */
    @Transactional
    public Optional<CornerstoneViews.Changes> changes(String version) {
        List<CornerstoneCheck> checks =
                CornerstoneCheck.<CornerstoneCheck>find("key.version", version).list();
        if (checks.isEmpty()) {
            return Optional.empty();
        }
        List<CornerstoneViews.Change> changed = new ArrayList<>();
        int checked = 0;
        Instant at = null;
        for (CornerstoneCheck check : checks) {
            Cornerstone c = Cornerstone.findById(check.key.cornerstoneId);
            if (c == null || Cornerstone.RETIRED.equals(c.status)) {
                continue;
            }
            checked++;
            at = at == null || check.checkedAt.isAfter(at) ? check.checkedAt : at;
            Conclusion before = views.conclusion(c.conclusionJson);
            Conclusion after = views.conclusion(check.conclusionJson);
            if (!before.equals(after)) {
                changed.add(change(c, version, before, after, Cornerstone.words(check.fired)));
            }
        }
        changed.sort(java.util.Comparator.comparing(CornerstoneViews.Change::shortId));
        int awaiting = (int) changed.stream().filter(x -> !x.accepted()).count();
        return Optional.of(new CornerstoneViews.Changes(
                version, checked, checked - changed.size(), changed.size(), awaiting, at, approvalRequired(), changed));
    }

    /**
     * Once {@code version} is live: each case with a complete acceptance for it takes the accepted conclusion as its
     * expected one, status {@value Cornerstone#CHANGED_AND_ACCEPTED}, with who accepted it, when and why (audited).
     */
    @Transactional
    public void adopt(String version) {
        for (Cornerstone c : active()) {
            CornerstoneAcceptance a = acceptance(c.id, version).orElse(null);
            if (a == null
                    || !a.complete(approvalRequired())
                    || views.conclusion(a.conclusionJson).equals(views.conclusion(c.conclusionJson))) {
                continue;
            }
            c.conclusionJson = a.conclusionJson;
            c.fired = a.fired;
            c.kbVersion = version;
            c.status = Cornerstone.CHANGED_AND_ACCEPTED;
            c.acceptedBy = a.acceptedBy + (a.confirmedBy == null ? "" : ", confirmed by " + a.confirmedBy);
            c.acceptedAt = a.confirmedAt != null ? a.confirmedAt : a.acceptedAt;
            c.acceptedReason = a.reason;
            audit.fire(new AuditEvent(
                    AuditEvent.KB_CORNERSTONE_ADOPTED, c.id.toString(), version, "accepted by " + c.acceptedBy));
        }
    }

    static Optional<CornerstoneAcceptance> acceptance(UUID id, String version) {
        return CornerstoneAcceptance.<CornerstoneAcceptance>find("cornerstoneId = ?1 and version = ?2", id, version)
                .firstResultOptional();
    }

    private boolean accepted(UUID id, String version, Conclusion after) {
        return acceptance(id, version)
                .filter(a -> a.complete(approvalRequired()))
                .filter(a -> views.conclusion(a.conclusionJson).equals(after))
                .isPresent();
    }

    private CornerstoneViews.Change change(
            Cornerstone c, String version, Conclusion before, Conclusion after, List<String> firedAfter) {
        List<String> firedBefore = c.firedRules();
        CornerstoneAcceptance a = acceptance(c.id, version)
                .filter(x -> views.conclusion(x.conclusionJson).equals(after))
                .orElse(null);
        String state = a == null
                ? CornerstoneViews.NOT_ACCEPTED
                : a.complete(approvalRequired()) ? CornerstoneViews.ACCEPTED : CornerstoneViews.AWAITING_SECOND;
        return new CornerstoneViews.Change(
                c.id,
                c.shortId(),
                c.origin,
                c.rules(),
                c.expected,
                c.reason,
                before,
                after,
                Conclusion.sideBySide(before, after),
                Conclusion.changes(before, after),
                firedBefore.stream().filter(r -> !firedAfter.contains(r)).toList(),
                firedAfter.stream().filter(r -> !firedBefore.contains(r)).toList(),
                state,
                a == null ? null : a.acceptedBy,
                a == null ? null : a.acceptedAt,
                a == null ? null : a.reason,
                a == null ? null : a.confirmedBy,
                a == null ? null : a.confirmedAt,
                a == null ? null : a.confirmReason);
    }

    private static List<Cornerstone> active() {
        return Cornerstone.<Cornerstone>find("status <> ?1 order by promotedAt, id", Cornerstone.RETIRED)
                .list();
    }
}
