package io.crosscheck.authoring.cornerstone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.explain.FiredRule;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.ScreeningEvaluator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates cornerstone cases with a knowledge base through the service's one evaluation path ({@link
 * ScreeningEvaluator}), as the scenario suite evaluates scenarios: where a candidate is checked, in the sandboxed
 * check of an untrusted candidate ({@code CandidateCheckMain}) or in the service for its own rules directory, and at
 * promotion with the version serving. Knows no database: the cases come in, their conclusions go out.
 */
public final class CornerstoneRuns {

    /** A case to evaluate: the cornerstone's id and its pseudonymised request. */
    public record Case(String id, JsonNode request) {}

    /** What the knowledge base concluded for a case, and the rules that fired (sorted). */
    public record Run(String id, Conclusion conclusion, List<String> fired) {}

    private final ScreeningEvaluator evaluator;

    public CornerstoneRuns(ScreeningEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Every case, in parallel (each evaluation has its own session), in the order given. */
    public List<Run> run(KnowledgeBase kb, List<Case> cases) {
        // as the scenario suite: each task runs with this class's loader as its context loader (Drools finds its
        // services through it)
        ClassLoader loader = CornerstoneRuns.class.getClassLoader();
        return cases.parallelStream()
                .map(c -> {
                    Thread t = Thread.currentThread();
                    ClassLoader before = t.getContextClassLoader();
                    t.setContextClassLoader(loader);
                    try {
                        return run(kb, c);
                    } finally {
                        t.setContextClassLoader(before);
                    }
                })
                .toList();
    }

    public Run run(KnowledgeBase kb, Case c) {
        ScreeningResult result;
        try {
            result = evaluator.evaluate(evaluator.json().writeValueAsString(c.request()), kb);
        } catch (InvalidRequestException refused) {
            return new Run(
                    c.id(),
                    Conclusion.refused(
                            refused.errors().stream().map(FieldError::field).toList()),
                    List.of());
        } catch (JsonProcessingException e) {
            return new Run(c.id(), Conclusion.refused(List.of("/")), List.of());
        }
        List<String> fired = result.explanation().trace().stream()
                .map(FiredRule::ruleId)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        return new Run(c.id(), Conclusion.of(result), fired);
    }

    /**
     * SHA-256 over every case's id and request: two checks of the same files with the same cases give the same
     * answer, so a sandbox pass is reused only for the same cases.
     */
    public static String digest(List<Case> cases) {
        if (cases == null || cases.isEmpty()) {
            return "";
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Case c : cases) {
                sha.update(c.id().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(c.request().toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
