package io.crosscheck.authoring.service;

import io.crosscheck.authoring.cornerstone.CornerstoneHold;
import io.crosscheck.authoring.cornerstone.CornerstoneRuns;
import io.crosscheck.authoring.sandbox.UntrustedCandidates;
import io.crosscheck.authoring.scenario.ScenarioSuite;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.KnowledgeBaseProposal;
import io.crosscheck.knowledge.config.ClusterConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeBaseRegistry;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.knowledge.service.KnowledgeBaseService.ReloadResult;
import io.crosscheck.knowledge.service.ProposalReviews;
import io.crosscheck.knowledge.service.RulesDirectorySeen;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Hot reload for rule authors: the configured rules directory goes live only if it passes the same
 * validation as {@code bin/validate-rules} (compile, lint, scenario suite, rule coverage). Going live
 * is an activation for the whole deployment: every node of a cluster follows. With
 * {@code crosscheck.cluster.require-approval} a version that was never live also needs a second
 * author's approval of its proposal ({@link #propose}). A candidate from anywhere but the configured
 * rules directory (an upload, a proposal, a stored version) is validated in the sandbox first
 * ({@link UntrustedCandidates}, docs/adr/0007). Every candidate is checked against the cornerstone cases beside its
 * scenarios ({@link CornerstoneHold}): one that changes a case's conclusion without an accepted change for its version
 * is held back; once a version goes live, the conclusions accepted for it become the expected ones.
 */
@ApplicationScoped
public class ReloadService {

    private final KnowledgeBaseService knowledgeBases;
    private final KnowledgeBaseValidator validator;
    private final KnowledgeBaseRegistry registry;
    private final KnowledgeBaseBuilder builder;
    private final ClusterConfig cluster;
    private final UploadAudit uploads;
    private final UntrustedCandidates untrusted;
    private final ScenarioSuite suite;
    private final RulesDirectorySeen seen;
    private final ProposalReviews reviews;
    private final CornerstoneHold cornerstones;
    private final Clock clock = Clock.systemUTC();

    ReloadService(
            KnowledgeBaseService knowledgeBases,
            KnowledgeBaseValidator validator,
            KnowledgeBaseRegistry registry,
            KnowledgeBaseBuilder builder,
            ClusterConfig cluster,
            UploadAudit uploads,
            UntrustedCandidates untrusted,
            ScenarioSuite suite,
            RulesDirectorySeen seen,
            ProposalReviews reviews,
            CornerstoneHold cornerstones) {
        this.cornerstones = cornerstones;
        this.seen = seen;
        this.reviews = reviews;
        this.uploads = uploads;
        this.untrusted = untrusted;
        this.suite = suite;
        this.knowledgeBases = knowledgeBases;
        this.validator = validator;
        this.registry = registry;
        this.builder = builder;
        this.cluster = cluster;
    }

    /** Reloads the configured rules directory: the operator's own files, validated in the service. */
    public ReloadResult reload(String by) {
        List<CornerstoneRuns.Case> cases = cornerstones.cases();
        return adopted(knowledgeBases.reload(by, s -> {
            seen.record(s.contentHash(), by, clock.instant());
            return validateForActivation(validator.validate(s, cases), by, false);
        }));
    }

    /**
     * Offers the configured rules directory, already read, as a candidate (start-up, the file watch): validated in
     * the service like a reload and put live only if it passes and, where approval is required, has it. With
     * {@code storeProposal} a candidate that passed but lacks approval is stored as a proposal by {@code by}, so
     * that an author can approve and activate it; either way its rejection is recorded with the reason.
     */
    public ReloadResult offer(String by, KnowledgeSource source, boolean storeProposal) {
        List<CornerstoneRuns.Case> cases = cornerstones.cases();
        return adopted(knowledgeBases.reload(by, () -> source, s -> {
            seen.record(s.contentHash(), by, clock.instant());
            return validateForActivation(validator.validate(s, cases), by, storeProposal);
        }));
    }

    /**
     * Validates a candidate (in the sandbox, never skipped) and puts it live without the approval check: the
     * emergency path, whose caller records the emergency for a later review. Like approval, the cornerstone hold is
     * not applied here: a case the emergency changes shows as changed on the next candidate. Refused when the version serving is no
     * longer {@code basedOn} (the candidate was made from it: swapping it in would drop what came since).
     */
    public ReloadResult activateWithoutApproval(String by, KnowledgeSource source, String basedOn) {
        return knowledgeBases.reload(by, () -> source, s -> {
            if (!knowledgeBases.current().version().equals(basedOn)) {
                return new KnowledgeBaseValidator.Validation(
                        null,
                        List.of(new KnowledgeProblem(
                                "rules/",
                                0,
                                0,
                                "the active version changed from " + basedOn + " while this was prepared; try again")),
                        null);
            }
            KnowledgeBaseValidator.Validation v = untrusted.validate(s);
            if (v.valid()) {
                suite.runOwnSuite(v.knowledgeBase());
            }
            return v;
        });
    }

    /**
     * Reloads a candidate from elsewhere (an uploaded archive, a registry version): validated the same way,
     * in the sandbox (docs/adr/0007), and compiled here only once it passed there.
     */
    public ReloadResult reload(String by, Supplier<KnowledgeSource> source) {
        List<CornerstoneRuns.Case> cases = cornerstones.cases();
        return adopted(
                knowledgeBases.reload(by, source, s -> validateForActivation(untrusted.validate(s, cases), by, false)));
    }

    /** The outcome of a proposal: the stored proposal when valid, the problems otherwise. */
    public record Proposed(Optional<KnowledgeBaseProposal> proposal, List<KnowledgeProblem> problems) {}

    /**
     * Validates a candidate and, if it passes, stores it as a proposal without putting it live, with the proposer's
     * {@code summary} of the change (may be null); a rejected proposal of the same content is proposed again.
     */
    public Proposed propose(String by, KnowledgeSource source, String summary) {
        KnowledgeBaseValidator.Validation v = untrusted.validate(source, cornerstones.cases());
        if (!v.valid()) {
            uploads.rejected(
                    UploadAudit.Door.PROPOSAL,
                    source.contentHash(),
                    v.problems().size());
            return new Proposed(Optional.empty(), v.problems());
        }
        try {
            // what it does to the cornerstone cases is on its page; a case it changes holds back its activation
            cornerstones.record(v.knowledgeBase().version(), v.cornerstones());
            return new Proposed(
                    Optional.of(reviews.propose(v.knowledgeBase(), by, clock.instant(), summary)), List.of());
        } finally {
            builder.release(v.knowledgeBase());
        }
    }

    /** Once a version went live, the cornerstone conclusions accepted for it become the expected ones. */
    private ReloadResult adopted(ReloadResult result) {
        if (result.accepted()) {
            cornerstones.adopt(result.version());
        }
        return result;
    }

    private KnowledgeBaseService.Candidate validateForActivation(
            KnowledgeBaseValidator.Validation v, String by, boolean storeProposal) {
        if (!v.valid()) {
            return v;
        }
        String version = v.knowledgeBase().version();
        Optional<String> rejected = registry.proposal(version)
                .filter(p -> p.rejectedAt != null && !registry.wasLive(version))
                .map(ProposalReviews::rejected);
        if (rejected.isPresent()) {
            builder.release(v.knowledgeBase());
            return new KnowledgeBaseValidator.Validation(
                    null, List.of(new KnowledgeProblem("rules/", 0, 0, rejected.get())), v.scenarios());
        }
        // nothing serving yet (a start-up whose active version cannot be built): nothing to hold it back for
        List<KnowledgeProblem> held =
                knowledgeBases.loaded() ? cornerstones.held(version, v.cornerstones()) : List.of();
        if (!held.isEmpty()) {
            if (storeProposal) {
                reviews.propose(v.knowledgeBase(), by, clock.instant(), null);
            }
            builder.release(v.knowledgeBase());
            return new KnowledgeBaseValidator.Validation(null, held, v.scenarios(), v.cornerstones());
        }
        if (!cluster.requireApproval()
                || registry.wasLive(version)
                || registry.proposal(version).map(p -> p.approvedBy != null).orElse(false)) {
            // going live: warm it with its scenario suite (a no-op when validated here, which ran it)
            suite.runOwnSuite(v.knowledgeBase());
            return v;
        }
        String next;
        if (storeProposal) {
            reviews.propose(v.knowledgeBase(), by, clock.instant(), null);
            next = "it passed validation and is stored as a proposal: another author approves it (POST "
                    + "/api/v1/knowledge-base/proposals/" + version + "/approve) and activates it";
        } else {
            next = "propose it (POST /api/v1/knowledge-base/proposals) and have another author approve it";
        }
        builder.release(v.knowledgeBase());
        List<KnowledgeProblem> problems = new ArrayList<>();
        problems.add(new KnowledgeProblem(
                "rules/", 0, 0, "version " + version + " was never live and has no approval: " + next));
        return new KnowledgeBaseValidator.Validation(null, problems, v.scenarios());
    }
}
