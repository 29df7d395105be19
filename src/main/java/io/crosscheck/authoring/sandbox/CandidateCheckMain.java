package io.crosscheck.authoring.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.authoring.service.KnowledgeBaseValidator;
import io.crosscheck.common.json.Json;
import io.crosscheck.engine.KnowledgeSource;
import java.io.IOException;
import java.io.OutputStream;
import org.jboss.logging.Logger;

/**
 * The sandboxed candidate check: a plain {@code main} (no Quarkus, no CDI, no database) that the service
 * starts as a process of its own ({@link CandidateSandbox}). Reads a {@link CandidateCheck.Request} as
 * JSON on stdin, validates the candidate with {@link KnowledgeBaseValidator} (the one definition of
 * valid: compile, lint, scenario suite, rule coverage) and writes a {@link CandidateCheck.Outcome} as
 * JSON on stdout; exit code 0 when it answered.
 *
 * <p>With {@code --security-manager} it installs a Java SecurityManager after reading its input and
 * before anything of the candidate is compiled or run; the policy ({@code -Djava.security.policy==})
 * is written by the service and grants reading the JDK and the class path, reading and writing the
 * process's own temporary directory, and no process, network or environment access. Standard output
 * is taken over before that, so a candidate that prints cannot forge or corrupt the answer.
 */
public final class CandidateCheckMain {

    private static final Logger LOG = Logger.getLogger(CandidateCheckMain.class);

    private CandidateCheckMain() {}

    public static void main(String[] args) throws IOException {
        ObjectMapper json = Json.newMapper();
        CandidateCheck.Request request = json.readValue(System.in.readAllBytes(), CandidateCheck.Request.class);
        LOG.infof(
                "Checking candidate from %s (%d files)",
                request.origin(), request.files().size());
        OutputStream answer = SandboxConfinement.confine(args);
        CandidateCheck.Outcome outcome = check(request);
        answer.write(json.writeValueAsBytes(outcome));
        answer.flush();
        System.exit(0);
    }

    /** Validates the request's candidate; never throws (a failure of the check is a rejection). */
    static CandidateCheck.Outcome check(CandidateCheck.Request request) {
        KnowledgeSource source = new KnowledgeSource(request.origin(), request.files());
        String version = source.contentHash();
        try {
            KnowledgeBaseValidator validator =
                    KnowledgeBaseValidator.standalone(request.maxFirings(), request.modulesOrEmpty());
            KnowledgeBaseValidator.Validation v = validator.validate(source, request.cornerstonesOrEmpty());
            boolean compiled = v.knowledgeBase() != null || v.scenarios() != null;
            boolean fromModule = v.knowledgeBase() != null && v.knowledgeBase().hasCompiledModule();
            return new CandidateCheck.Outcome(
                    version, compiled, v.valid(), v.problems(), v.scenarios(), v.cornerstones(), fromModule);
        } catch (RuntimeException | LinkageError e) {
            return CandidateCheck.Outcome.failed(
                    version,
                    "validating the candidate failed: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
