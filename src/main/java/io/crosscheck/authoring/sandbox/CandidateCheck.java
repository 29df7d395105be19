package io.crosscheck.authoring.sandbox;

import io.crosscheck.authoring.cornerstone.CornerstoneRuns;
import io.crosscheck.authoring.scenario.ScenarioReport;
import io.crosscheck.engine.KnowledgeProblem;
import java.util.List;
import java.util.Map;

/**
 * What the service sends the sandboxed check on its stdin and what the check answers on its stdout,
 * both as JSON. The candidate travels as its files (path -> text), already unpacked and limited by the
 * service; the answer carries problems ({@code file:line:column}) and the scenario report, never a
 * compiled knowledge base: the service compiles a candidate that passed on its own side.
 */
public final class CandidateCheck {

    private CandidateCheck() {}

    /**
     * @param origin   where the candidate came from (for messages)
     * @param files    the candidate's files, path -> text
     * @param maxFirings the service's limit of rule firings per screening
     * @param cornerstones the cornerstone cases to evaluate with the candidate (pseudonymised requests)
     * @param modules  compiled modules of the service's cache whose rules are the candidate's, by cache key (the
     *                 check loads the one that matches instead of compiling the same DRL again:
     *                 {@code KnowledgeBaseBuilder.handed}); empty when the candidate's rules are new
     */
    public record Request(
            String origin,
            Map<String, String> files,
            int maxFirings,
            List<CornerstoneRuns.Case> cornerstones,
            Map<String, byte[]> modules) {

        public Request(String origin, Map<String, String> files, int maxFirings) {
            this(origin, files, maxFirings, List.of(), Map.of());
        }

        public List<CornerstoneRuns.Case> cornerstonesOrEmpty() {
            return cornerstones == null ? List.of() : cornerstones;
        }

        public Map<String, byte[]> modulesOrEmpty() {
            return modules == null ? Map.of() : modules;
        }
    }

    /**
     * @param version   the candidate's content hash
     * @param compiled  whether it compiled (a replay needs no more)
     * @param valid     whether it may go live: compiled, no lint finding, every scenario passed, every rule fired
     * @param problems  what is wrong, located at file:line:column
     * @param scenarios the scenario report (null when it did not compile)
     * @param cornerstones what the candidate concluded for each cornerstone case (null when it did not compile)
     * @param fromModule whether a valid candidate's rules were loaded from a compiled module the service handed over
     *                   ({@link Request#modules()}) rather than compiled in the check
     */
    public record Outcome(
            String version,
            boolean compiled,
            boolean valid,
            List<KnowledgeProblem> problems,
            ScenarioReport scenarios,
            List<CornerstoneRuns.Run> cornerstones,
            boolean fromModule) {

        public Outcome(
                String version,
                boolean compiled,
                boolean valid,
                List<KnowledgeProblem> problems,
                ScenarioReport scenarios) {
            this(version, compiled, valid, problems, scenarios, null, false);
        }

        /** A check that gave no answer (killed, crashed, unreadable output): rejected with one problem. */
        public static Outcome failed(String version, String why) {
            return new Outcome(version, false, false, List.of(new KnowledgeProblem("rules/", 0, 0, why)), null);
        }
    }
}
