package io.crosscheck.authoring.sandbox;

import io.crosscheck.authoring.cornerstone.CornerstoneRuns;
import io.crosscheck.authoring.service.KnowledgeBaseValidator;
import io.crosscheck.authoring.service.KnowledgeBaseValidator.Validation;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeBaseException;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Validation of a candidate the service did not read from its own rules directory: first in the
 * sandbox ({@link CandidateSandbox}), and only if it passes there is it compiled in the service (it must
 * be, to be stored, served or replayed), by the service's own builder, which applies the allow-list
 * again. Nothing of the candidate runs in the service before that: its scenarios ran in the sandbox.
 * With the sandbox off ({@code crosscheck.authoring.sandbox.enabled=false}) this is the in-process
 * {@link KnowledgeBaseValidator}, as before ADR 0007. A replay candidate is compiled and run in a process of
 * its own by the replay ({@code SandboxedReplay}), never here.
 */
@ApplicationScoped
public class UntrustedCandidates {

    private final CandidateSandbox sandbox;
    private final KnowledgeBaseValidator validator;
    private final KnowledgeBaseBuilder builder;
    private final SandboxPasses passes;

    UntrustedCandidates(
            CandidateSandbox sandbox,
            KnowledgeBaseValidator validator,
            KnowledgeBaseBuilder builder,
            SandboxPasses passes) {
        this.sandbox = sandbox;
        this.validator = validator;
        this.builder = builder;
        this.passes = passes;
    }

    /**
     * May the candidate go live: valid in the sandbox (or passed there earlier in this process, {@link
     * SandboxPasses}), then compiled here. The compiled knowledge base of a
     * valid candidate is the caller's (release it if it is not kept).
     */
    public Validation validate(KnowledgeSource source) {
        return validate(source, List.of());
    }

    /**
     * As {@link #validate(KnowledgeSource)}, evaluating the cornerstone cases with the candidate where it is
     * checked (in the sandbox): the validation carries what it concluded for each.
     */
    public Validation validate(KnowledgeSource source, List<CornerstoneRuns.Case> cases) {
        if (!sandbox.enabled()) {
            return validator.validate(source, cases);
        }
        // a proposal is checked when it is proposed; its activation (and a revert to it) reuses that pass, as long as
        // the cornerstone cases are the same
        String digest = CornerstoneRuns.digest(cases);
        CandidateCheck.Outcome outcome =
                passes.earlierPass(source, digest).orElseGet(() -> sandbox.check(source, cases));
        passes.remember(source, digest, outcome);
        if (!outcome.valid()) {
            return new Validation(null, outcome.problems(), outcome.scenarios(), outcome.cornerstones());
        }
        return compiled(source, outcome);
    }

    private Validation compiled(KnowledgeSource source, CandidateCheck.Outcome outcome) {
        try {
            KnowledgeBase kb = builder.build(source);
            return new Validation(kb, List.of(), outcome.scenarios(), outcome.cornerstones());
        } catch (KnowledgeBaseException e) {
            return new Validation(null, e.problems(), outcome.scenarios(), outcome.cornerstones());
        }
    }
}
