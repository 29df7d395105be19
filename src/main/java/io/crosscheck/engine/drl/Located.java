package io.crosscheck.engine.drl;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.drl.CodeCheck.Scope;
import io.crosscheck.engine.drl.CodeCheck.Violation;
import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.BaseDescr;

/**
 * One DRL file being checked against the allow-list, and the problems found in it: pieces of code the parser
 * handed over as text are found again in the file, so that every problem points at the token the author wrote
 * ({@code file:line:column}, 1-based).
 */
final class Located {

    private final String path;
    private final String text;
    private final SourceText source;
    private final List<KnowledgeProblem> problems = new ArrayList<>();

    Located(String path, String text) {
        this.path = path;
        this.text = text;
        this.source = new SourceText(text);
    }

    String text() {
        return text;
    }

    List<KnowledgeProblem> problems() {
        return problems;
    }

    /** Checks a piece of code the parser read at or after {@code from} (a file offset; the descr's start). */
    void code(String code, BaseDescr at, int from, Scope scope) {
        if (code == null || code.isBlank()) {
            return;
        }
        CodeCheck.check(code, scope).ifPresent(v -> {
            int found = from < 0 ? -1 : text.indexOf(code, from);
            if (found >= 0) {
                refuse(found + v.offset(), v);
            } else {
                refuse(at, v);
            }
        });
    }

    /** The offset of {@code word} at or after {@code from}, or -1. */
    int find(String word, int from) {
        return from < 0 ? -1 : text.indexOf(word, from);
    }

    void refuse(int offset, Violation v) {
        int[] at = source.position(offset);
        problems.add(new KnowledgeProblem(path, at[0], at[1], v.message()));
    }

    /** A problem at the descr's own position, when the offending text cannot be found in the file. */
    void refuse(BaseDescr at, Violation v) {
        if (at.getStartCharacter() >= 0) {
            refuse(at.getStartCharacter(), v);
        } else {
            problems.add(new KnowledgeProblem(path, at.getLine(), at.getColumn() + 1, v.message()));
        }
    }

    /** A problem at {@code word} when it stands at or after {@code from}, else at the descr. */
    void refuse(String word, int from, BaseDescr at, String named, String reason) {
        Violation v = new Violation(0, named, reason);
        int found = find(word, from);
        if (found >= 0) {
            refuse(found, v);
        } else {
            refuse(at, v);
        }
    }

    void problem(int line, int column, String message) {
        problems.add(new KnowledgeProblem(path, line, column, message));
    }
}
