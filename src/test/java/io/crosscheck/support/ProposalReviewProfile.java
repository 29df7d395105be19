package io.crosscheck.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The proposal tests' service: approval required (a second author approves a version that was never live), and the
 * rules directory a writable copy ({@link #WORKING}) so that a test can edit the working rules and propose them. The
 * API and the browser tests and the emergency revert share it, so Quarkus starts once for all of them.
 */
public class ProposalReviewProfile implements QuarkusTestProfile {

    public static final KnowledgeBaseCopy WORKING = KnowledgeBaseCopy.shared("proposal-review");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "crosscheck.cluster.require-approval",
                "true",
                "crosscheck.knowledge.rules-dir",
                WORKING.rules().toString(),
                "crosscheck.knowledge.docs-dir",
                WORKING.docs().toString());
    }
}
