package io.crosscheck.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The knowledge base could not be built; carries every problem found. */
public class KnowledgeBaseException extends RuntimeException {
    private final transient List<KnowledgeProblem> problems;

    public KnowledgeBaseException(List<KnowledgeProblem> problems) {
        super("Knowledge base has " + problems.size() + " problem(s):\n"
                + problems.stream().map(KnowledgeProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<KnowledgeProblem> problems() {
        return problems;
    }
}
