package io.crosscheck.authoring.lint;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an author has not filled in yet: every {@code TODO} marker in a rule file, a scenario or reference file, or a
 * kb-doc page (what {@code bin/crosscheck new-rule} scaffolds is full of them) is a problem at its
 * {@code file:line:column}, so that a scaffold fails validation, naming each blank, instead of passing silently.
 */
final class Placeholders {

    static final String MARKER = "TODO";
    private static final Pattern TODO = Pattern.compile("\\b" + MARKER + "\\b");
    private static final int SHOWN = 160;

    private Placeholders() {}

    static void check(KnowledgeSource source, List<KnowledgeProblem> problems) {
        source.files().forEach((path, text) -> {
            if (!covered(path)) {
                return;
            }
            String[] lines = text.split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = TODO.matcher(lines[i]);
                if (m.find()) {
                    String line = lines[i].strip();
                    problems.add(new KnowledgeProblem(
                            path,
                            i + 1,
                            m.start() + 1,
                            "not filled in: " + (line.length() > SHOWN ? line.substring(0, SHOWN) + " ..." : line)));
                }
            }
        });
    }

    private static boolean covered(String path) {
        return path.startsWith(KnowledgeSource.RULES) && (path.endsWith(".drl") || path.endsWith(".yaml"))
                || path.startsWith(KnowledgeSource.DOCS) && path.endsWith(".md");
    }
}
