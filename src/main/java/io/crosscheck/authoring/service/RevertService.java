package io.crosscheck.authoring.service;

import io.crosscheck.authoring.model.EmergencyView;
import io.crosscheck.authoring.model.RevertRequest;
import io.crosscheck.authoring.model.RevertView;
import io.crosscheck.common.audit.AuditEvent;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.common.problem.Problem;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.KnowledgeBaseProposal;
import io.crosscheck.knowledge.config.ClusterConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseRegistry;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.knowledge.service.KnowledgeBaseService.ReloadResult;
import io.crosscheck.knowledge.service.VersionLineage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reverting one version (issue 24): a new version that undoes that version's changes and keeps everything that came
 * after it, by a three-way merge of every file ({@link ThreeWayMerge}: the reverted version as the base, the version
 * before it as the undo, the active version as the later changes). A conflict is reported per file with its lines and
 * nothing is stored. A clean revert is a proposal (origin "revert of ..."), validated in the sandbox and approved and
 * activated like any other; an emergency revert is validated the same way (never skipped) and put live at once without
 * the approval, recorded for another author's review ({@link EmergencyActivations}).
 */
@ApplicationScoped
public class RevertService {

    /** A revert was made: {@code subject} the new version, {@code detail} what it reverts, on what, how. */
    public static final String REVERTED = "kb.revert";

    private final KnowledgeBaseRegistry registry;
    private final VersionLineage lineage;
    private final KnowledgeBaseService knowledgeBases;
    private final ReloadService reloads;
    private final EmergencyActivations emergencies;
    private final ClusterConfig cluster;
    private final Event<AuditEvent> audit;

    RevertService(
            KnowledgeBaseRegistry registry,
            VersionLineage lineage,
            KnowledgeBaseService knowledgeBases,
            ReloadService reloads,
            EmergencyActivations emergencies,
            ClusterConfig cluster,
            Event<AuditEvent> audit) {
        this.registry = registry;
        this.lineage = lineage;
        this.knowledgeBases = knowledgeBases;
        this.reloads = reloads;
        this.emergencies = emergencies;
        this.cluster = cluster;
        this.audit = audit;
    }

    /** A revert that passed ({@code view}) or why not ({@code problem}). */
    public record Outcome(Optional<RevertView> view, Optional<Problem> problem) {
        static Outcome refused(Problem p) {
            return new Outcome(Optional.empty(), Optional.of(p));
        }
    }

    /**
     * Reverts {@code version}; empty when it is no version that went live. 422 (thrown) when an emergency has no
     * reason.
     */
    public Optional<Outcome> revert(String version, RevertRequest request, String by) {
        if (request.isEmergency()
                && (request.reason() == null || request.reason().isBlank())) {
            throw new InvalidRequestException(
                    422,
                    List.of(new FieldError(
                            "/reason", "required for an emergency revert: why it cannot wait for a second author")));
        }
        if (registry.version(version).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> parent = lineage.parentOf(version);
        if (parent.isEmpty()) {
            return Optional.of(Outcome.refused(new Problem(
                    "urn:crosscheck:problem:nothing-before",
                    "Nothing to revert to",
                    422,
                    version + " is the first version: there is no version before it to go back to",
                    List.of(new FieldError("version", "the first version cannot be reverted", version)))));
        }
        String basedOn = registry.active()
                .map(KnowledgeBaseRegistry.ActiveVersion::version)
                .orElseGet(() -> knowledgeBases.current().version());
        ThreeWayMerge.Result merged = ThreeWayMerge.revert(files(version), files(parent.get()), files(basedOn));
        if (!merged.clean()) {
            return Optional.of(Outcome.refused(new Problem(
                    "urn:crosscheck:problem:revert-conflict",
                    "Revert conflicts with later changes",
                    422,
                    "Undoing " + version + " conflicts with changes made since in "
                            + merged.conflicts().size() + " place(s) of the active version " + basedOn
                            + "; nothing was stored",
                    merged.conflicts().stream()
                            .map(c -> new FieldError(c.path(), c.message()))
                            .toList())));
        }
        if (merged.changed().isEmpty()) {
            return Optional.of(Outcome.refused(Problem.of(
                    "nothing-to-revert",
                    "Conflict",
                    409,
                    "The changes of " + version + " are undone already in the active version " + basedOn)));
        }
        KnowledgeSource source = new KnowledgeSource("revert of " + version, merged.files());
        Revert revert = new Revert(version, parent.get(), basedOn, merged.changed(), by);
        return Optional.of(
                request.isEmergency() ? emergency(revert, source, request.reason()) : propose(revert, source));
    }

    private record Revert(String version, String parent, String basedOn, List<String> changed, String by) {}

    private Outcome propose(Revert r, KnowledgeSource source) {
        ReloadService.Proposed proposed = reloads.propose(r.by(), source, "revert of " + r.version());
        if (proposed.proposal().isEmpty()) {
            return Outcome.refused(rejected(
                    "The revert failed validation and was not stored; " + r.basedOn() + " keeps serving",
                    proposed.problems()));
        }
        KnowledgeBaseProposal p = proposed.proposal().get();
        audit.fire(new AuditEvent(REVERTED, p.version, p.version, detail(r, "proposed")));
        boolean activatable = !cluster.requireApproval() || p.approvedBy != null || registry.wasLive(p.version);
        return new Outcome(
                Optional.of(new RevertView(
                        p.version,
                        r.version(),
                        r.parent(),
                        r.basedOn(),
                        r.changed(),
                        p.origin,
                        p.proposedBy,
                        false,
                        false,
                        cluster.requireApproval(),
                        activatable,
                        false)),
                Optional.empty());
    }

    private Outcome emergency(Revert r, KnowledgeSource source, String reason) {
        ReloadResult result = reloads.activateWithoutApproval(r.by(), source, r.basedOn());
        if (!result.accepted()) {
            return Outcome.refused(rejected(
                    "The revert failed validation; " + result.previousVersion() + " keeps serving", result.problems()));
        }
        audit.fire(new AuditEvent(REVERTED, result.version(), result.version(), detail(r, "emergency, live")));
        EmergencyView e = emergencies.record(result.version(), r.version(), r.by(), reason.strip());
        return new Outcome(
                Optional.of(new RevertView(
                        result.version(),
                        r.version(),
                        r.parent(),
                        r.basedOn(),
                        r.changed(),
                        source.origin(),
                        r.by(),
                        true,
                        true,
                        cluster.requireApproval(),
                        false,
                        e.awaitingReview())),
                Optional.empty());
    }

    private static String detail(Revert r, String how) {
        return "revert of " + r.version() + " (before it " + r.parent() + ") on " + r.basedOn() + ", " + how + ", by "
                + r.by() + "; " + r.changed().size() + " file(s)";
    }

    private Map<String, String> files(String version) {
        return registry.files(version)
                .orElseThrow(() -> new IllegalStateException("version " + version + " has no stored files"));
    }

    private static Problem rejected(String detail, List<KnowledgeProblem> problems) {
        return new Problem(
                "urn:crosscheck:problem:knowledge-base-rejected",
                "Knowledge base rejected",
                422,
                detail,
                problems.stream()
                        .map(p -> new FieldError(
                                p.file() + ":" + Math.max(1, p.line()) + ":" + Math.max(1, p.column()), p.message()))
                        .toList());
    }
}
