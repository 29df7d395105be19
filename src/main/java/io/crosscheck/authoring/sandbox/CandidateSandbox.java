package io.crosscheck.authoring.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.cornerstone.CornerstoneRuns;
import io.crosscheck.common.json.Json;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.knowledge.config.KnowledgeConfig;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Checks an untrusted candidate knowledge base (an upload, a proposal, a replay candidate, a stored
 * version about to be activated) in a separate process that holds no secret, no database connection
 * and no write access outside its own temporary directory ({@link SandboxProcess}, running
 * {@link CandidateCheckMain}). Whatever the candidate's rules do while they are compiled and while the
 * scenario suite runs them happens there. A check that does not answer (timeout, out of memory, crash,
 * an unreadable answer) rejects the candidate. Layer 2 of docs/adr/0007; layer 1 is the allow-list
 * checked on the parsed DRL before anything is compiled (docs/adr/0006).
 */
@ApplicationScoped
public class CandidateSandbox {
    private static final Logger LOG = Logger.getLogger(CandidateSandbox.class);

    private final SandboxConfig config;
    private final int maxFirings;
    private final SandboxProcess process;
    private final Semaphore slots;
    private final ObjectMapper json = Json.newMapper();
    /** Whose cached compiled modules a check is handed (null: none, the candidate is compiled there). */
    private final KnowledgeBaseBuilder modules;

    @Inject
    CandidateSandbox(SandboxConfig config, KnowledgeConfig knowledge, KnowledgeBaseBuilder builder) {
        this(config, knowledge.maxFiringsPerSession(), CandidateCheckMain.class.getName(), builder);
    }

    /** With another main class: tests probe the process's confinement with one of their own. */
    CandidateSandbox(SandboxConfig config, int maxFirings, String mainClass) {
        this(config, maxFirings, mainClass, null);
    }

    /**
     * @param modules the service's builder, whose cached module of the candidate's rules (when the candidate changes
     *                no rule) is handed to the check, or null
     */
    CandidateSandbox(SandboxConfig config, int maxFirings, String mainClass, KnowledgeBaseBuilder modules) {
        this.modules = modules;
        this.config = config;
        this.maxFirings = maxFirings;
        this.process = new SandboxProcess(mainClass, config.timeout(), config.maxHeap(), config.maxOutputBytes());
        this.slots = new Semaphore(Math.max(1, config.maxConcurrent()), true);
        if (config.enabled() && !process.securityManager()) {
            LOG.warnf(
                    "Java %d has no SecurityManager: candidate knowledge bases are checked in a separate process "
                            + "without secrets, but without the file and network policy (docs/adr/0007)",
                    Runtime.version().feature());
        }
    }

    /** Whether untrusted candidates are checked in a separate process (crosscheck.authoring.sandbox.enabled). */
    public boolean enabled() {
        return config.enabled();
    }

    /** Checks the candidate in a process of its own; never throws for what the candidate does. */
    public CandidateCheck.Outcome check(KnowledgeSource source) {
        return check(source, List.of());
    }

    /**
     * Checks the candidate in a process of its own, evaluating the cornerstone cases with it there too; never throws
     * for what the candidate does.
     */
    public CandidateCheck.Outcome check(KnowledgeSource source, List<CornerstoneRuns.Case> cornerstones) {
        String version = source.contentHash();
        byte[] request;
        try {
            request = json.writeValueAsBytes(new CandidateCheck.Request(
                    source.origin(),
                    source.files(),
                    maxFirings,
                    cornerstones,
                    modules == null ? Map.of() : modules.cachedModules(List.of(source))));
        } catch (IOException e) {
            return CandidateCheck.Outcome.failed(version, "the candidate cannot be sent to its check");
        }
        SandboxProcess.Result result;
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CandidateCheck.Outcome.failed(version, "the candidate's check was interrupted");
        }
        long started = System.nanoTime();
        try {
            result = process.run(request, List.of());
        } finally {
            slots.release();
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (!result.answered()) {
            LOG.debugf("Sandboxed check of %s gave no answer after %d ms (exit %s)", version, ms, result.exitCode());
            // stderr is the candidate's to write: shown to its author in the problem, never logged
            return CandidateCheck.Outcome.failed(
                    version,
                    "the candidate's check "
                            + (result.failure() != null
                                    ? result.failure()
                                    : "ended with exit code " + result.exitCode())
                            + lastLine(result.stderrTail()));
        }
        try {
            CandidateCheck.Outcome outcome = json.readValue(result.stdout(), CandidateCheck.Outcome.class);
            if (!version.equals(outcome.version())) {
                return CandidateCheck.Outcome.failed(version, "the candidate's check answered for another candidate");
            }
            LOG.debugf(
                    "Sandboxed check of %s with %d cornerstone case(s) in %d ms: %s, rules %s",
                    version,
                    cornerstones.size(),
                    ms,
                    outcome.valid() ? "valid" : "rejected",
                    outcome.fromModule() ? "loaded from the service's compiled module" : "compiled in the check");
            return outcome;
        } catch (IOException e) {
            return CandidateCheck.Outcome.failed(version, "the candidate's check gave an unreadable answer");
        }
    }

    private static String lastLine(String stderr) {
        List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String last = lines.get(lines.size() - 1).strip();
        return ": " + (last.length() > 300 ? last.substring(0, 300) : last);
    }
}
