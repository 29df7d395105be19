package io.crosscheck.authoring.lint;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.knowledge.service.KnowledgeBaseBuilder;
import io.crosscheck.knowledge.service.KnowledgeSourceReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * A knowledge base for a lint check, in memory: the shipped files (or only the shipped reference data) with the
 * files a test adds or edits. Nothing is compiled: the checks read what {@link LintSubject} reads.
 */
final class LintFixture {

    private static final KnowledgeSource SHIPPED =
            new KnowledgeSourceReader().fromDirectories(Path.of("rules"), Path.of("kb-docs"));

    private final Map<String, String> files = new TreeMap<>();

    /** Every shipped file of rules/ and kb-docs/. */
    static LintFixture shipped() {
        LintFixture f = new LintFixture();
        f.files.putAll(SHIPPED.files());
        return f;
    }

    /** Only the shipped reference data (rules/reference/*.yaml): no rule, no page. */
    static LintFixture referenceDataOnly() {
        LintFixture f = new LintFixture();
        f.files.putAll(SHIPPED.referenceFiles());
        return f;
    }

    LintFixture put(String path, String text) {
        files.put(path, text);
        return this;
    }

    LintFixture edit(String path, UnaryOperator<String> change) {
        String before = files.get(path);
        String after = change.apply(before);
        if (after.equals(before)) {
            throw new IllegalArgumentException("the edit changed nothing in " + path);
        }
        files.put(path, after);
        return this;
    }

    LintFixture remove(String path) {
        files.remove(path);
        return this;
    }

    String get(String path) {
        return files.get(path);
    }

    LintSubject subject() {
        KnowledgeSource source = new KnowledgeSource("test", files);
        ReferenceData reference = new KnowledgeBaseBuilder(Clock.systemUTC()).reference(source, new ArrayList<>());
        return LintSubject.uncompiled(source, reference);
    }

    /** The problems one check finds, as {@code file:line:column: message}. */
    List<String> run(BiConsumer<LintSubject, List<KnowledgeProblem>> check) {
        List<KnowledgeProblem> problems = new ArrayList<>();
        check.accept(subject(), problems);
        return problems.stream().map(KnowledgeProblem::toString).toList();
    }

    /** The problems of the whole linter. */
    List<String> lint() {
        return new KnowledgeBaseLinter()
                .lint(subject()).stream().map(KnowledgeProblem::toString).toList();
    }

    /** The 1-based line of the first occurrence of {@code text} in a file. */
    int line(String path, String text) {
        String content = files.get(path);
        int at = content.indexOf(text);
        if (at < 0) {
            throw new IllegalArgumentException(text + " not in " + path);
        }
        return (int) content.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The 1-based column of the first occurrence of {@code text} in a file. */
    int column(String path, String text) {
        String content = files.get(path);
        int at = content.indexOf(text);
        return at - content.lastIndexOf('\n', at - 1);
    }
}
