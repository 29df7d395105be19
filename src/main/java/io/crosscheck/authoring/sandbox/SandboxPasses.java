package io.crosscheck.authoring.sandbox;

import io.crosscheck.engine.KnowledgeSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The candidates that passed the sandbox check in this process, so that content checked once (a proposal) is not
 * checked again when it is activated, reverted to or offered again: the same files under the same application give the
 * same outcome. Keyed by the full SHA-256 of every file (the version's 64-bit hash is a name, not a proof of
 * identity), bounded, and held in memory only: another node, or this one after a restart or an upgrade, checks again.
 * Only a pass is remembered; a rejected candidate is checked every time it is offered.
 */
@ApplicationScoped
public class SandboxPasses {

    static final int CAPACITY = 32;

    private final Map<String, CandidateCheck.Outcome> passed = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CandidateCheck.Outcome> eldest) {
            return size() > CAPACITY;
        }
    };
    private final MeterRegistry meters;

    SandboxPasses(MeterRegistry meters) {
        this.meters = meters;
    }

    /** The earlier pass of exactly these files, if this process checked them (counted as a reuse). */
    public Optional<CandidateCheck.Outcome> earlierPass(KnowledgeSource source) {
        return earlierPass(source, "");
    }

    /**
     * The earlier pass of exactly these files checked with the same cornerstone cases ({@code cases}: their digest,
     * {@code CornerstoneRuns.digest}), if this process checked them (counted as a reuse).
     */
    public synchronized Optional<CandidateCheck.Outcome> earlierPass(KnowledgeSource source, String cases) {
        CandidateCheck.Outcome outcome = passed.get(digest(source) + cases);
        count(outcome == null ? "checked" : "reused");
        return Optional.ofNullable(outcome);
    }

    /** Remembers a pass; anything else is forgotten. */
    public void remember(KnowledgeSource source, CandidateCheck.Outcome outcome) {
        remember(source, "", outcome);
    }

    /** Remembers a pass with the cornerstone cases it was checked with ({@code cases}: their digest). */
    public synchronized void remember(KnowledgeSource source, String cases, CandidateCheck.Outcome outcome) {
        if (outcome.valid()) {
            passed.put(digest(source) + cases, outcome);
        }
    }

    private void count(String how) {
        meters.counter("crosscheck.authoring.sandbox.checks", "how", how).increment();
    }

    /** SHA-256 over every path and its text, in the source's order. */
    static String digest(KnowledgeSource source) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : source.files().entrySet()) {
                byte[] path = e.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] text = e.getValue().getBytes(StandardCharsets.UTF_8);
                sha.update(lengthOf(path));
                sha.update(path);
                sha.update(lengthOf(text));
                sha.update(text);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] lengthOf(byte[] b) {
        return java.nio.ByteBuffer.allocate(4).putInt(b.length).array();
    }
}
