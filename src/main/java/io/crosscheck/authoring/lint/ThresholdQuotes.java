package io.crosscheck.authoring.lint;

import com.fasterxml.jackson.core.JsonLocation;
import io.crosscheck.authoring.lint.MarkdownPage.Block;
import io.crosscheck.authoring.lint.MarkdownPage.Inline;
import io.crosscheck.authoring.lint.MarkdownPage.Kind;
import io.crosscheck.authoring.lint.Quantities.Quantity;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.engine.drl.ValidValues;
import io.crosscheck.engine.facts.Threshold;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * kb-docs quote thresholds as {@code rules/reference/thresholds.yaml} has them. A page names the threshold it quotes,
 * in one of two forms, and the quote is checked against the value (and the comparator, or its other side):
 * <ul>
 *   <li>a link {@code [below 50°](kb:threshold/cva_forward_head)} in prose (the text reads as written, on GitHub
 *       and in the web UI);</li>
 *   <li>the id as code followed by the value, as reference lists and tables have it:
 *       {@code `cva_forward_head`: < 50 deg}, {@code `cva_forward_head` (50)}, or a table cell {@code < 50} right
 *       of the cell that holds the id.</li>
 * </ul>
 * On a rule's page, a number that states a threshold the rule reads (its value with the threshold's unit or a
 * comparator) and names it in neither form is reported too: that is how a page kept "below 50°" when the threshold
 * became 48. Sections "Sources", "Scenarios" and "Changes", quoted text and the change notes are history or
 * citation, not statements of the knowledge base, and are left alone (a {@code kb:threshold} link in them is still
 * checked).
 */
final class ThresholdQuotes {

    static final String LINK = "kb:threshold/";
    private static final Set<String> HISTORY = Set.of("Sources", "Scenarios", "Changes");
    private static final Pattern AFTER_ID =
            Pattern.compile("^\\s*[:(]\\s*(<=|>=|\u2264|\u2265|<|>)?\\s*(?:[A-Za-z]{1,4}\\s+)?(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern CELL = Pattern.compile("^\\s*(<=|>=|\u2264|\u2265|<|>)?\\s*(-?\\d+(?:\\.\\d+)?)\\b.*");

    private ThresholdQuotes() {}

    static void check(LintSubject subject, List<KnowledgeProblem> problems) {
        Map<String, Threshold> thresholds = new LinkedHashMap<>();
        subject.reference().thresholds().forEach(t -> thresholds.put(t.getId(), t));
        Map<String, JsonLocation> yaml =
                YamlPlaces.ids(subject.source().files().getOrDefault(KnowledgeBaseLinter.THRESHOLDS, ""));
        subject.source().files().forEach((path, text) -> {
            if (path.startsWith(KnowledgeSource.DOCS)
                    && path.endsWith(".md")
                    && !path.startsWith(KnowledgeSource.DOCS + "changes/")) {
                List<Threshold> read = read(subject, path, thresholds);
                // only a page that can quote a threshold is parsed: the check runs on every reload
                if (!read.isEmpty()
                        || text.contains(LINK)
                        || thresholds.keySet().stream().anyMatch(id -> text.contains("`" + id + "`"))) {
                    new Page(path, text, thresholds, yaml, read, problems).check();
                }
            }
        });
    }

    /** The thresholds the rule of a rule page reads (by id, or by an id prefix completed at run time). */
    private static List<Threshold> read(LintSubject subject, String path, Map<String, Threshold> thresholds) {
        if (!path.startsWith(KnowledgeBaseLinter.RULE_DOCS)) {
            return List.of();
        }
        String id = path.substring(KnowledgeBaseLinter.RULE_DOCS.length(), path.length() - 3);
        return subject.rule(id).stream()
                .flatMap(r -> r.patterns().stream())
                .filter(p -> p.type().equals("Threshold"))
                .flatMap(p -> p.literals().stream())
                .flatMap(l -> thresholds.values().stream()
                        .filter(t -> t.getId().equals(l.value())
                                || l.value().endsWith("_") && t.getId().startsWith(l.value())))
                .distinct()
                .toList();
    }

    private record Page(
            String path,
            String text,
            Map<String, Threshold> thresholds,
            Map<String, JsonLocation> yaml,
            List<Threshold> read,
            List<KnowledgeProblem> problems) {

        void check() {
            MarkdownPage page = MarkdownPage.of(text);
            for (Block block : page.blocks) {
                int consumed = 0; // the start of a text run that quotes the id before it
                for (int i = 0; i < block.inlines.size(); i++) {
                    Inline inline = block.inlines.get(i);
                    boolean history = HISTORY.contains(block.section);
                    if (inline.kind() == Kind.LINK) {
                        link(inline);
                    } else if (inline.kind() == Kind.CODE && thresholds.containsKey(inline.text()) && !history) {
                        consumed = named(thresholds.get(inline.text()), inline, following(block, i));
                        continue;
                    } else if (inline.kind() == Kind.TEXT && !history) {
                        unnamed(inline.text().substring(consumed), inline, consumed, inline.line(), inline.column());
                    }
                    consumed = 0;
                }
            }
            title(page);
        }

        /** {@code [text](kb:threshold/id)}: the text states the value, and the comparator if it states one. */
        private void link(Inline link) {
            String dest = link.destination();
            if (!dest.startsWith(LINK)) {
                problem(
                        link.line(),
                        link.column(),
                        "unknown link " + dest + ": a kb: link names a threshold, as " + LINK + "<id>");
                return;
            }
            String id = dest.substring(LINK.length());
            Threshold t = thresholds.get(id);
            if (t == null) {
                problem(
                        link.line(),
                        link.column(),
                        dest + " names no threshold; "
                                + ValidValues.describe(
                                        id, thresholds.keySet(), "thresholds", KnowledgeBaseLinter.THRESHOLDS));
                return;
            }
            List<Quantity> numbers = Quantities.digits(link.text());
            String comparator = Quantities.comparator(link.text());
            if (numbers.stream().noneMatch(q -> same(q.number(), t))) {
                String as = numbers.isEmpty()
                        ? " without its value"
                        : " as "
                                + String.join(
                                        ", ",
                                        numbers.stream().map(Quantity::value).toList());
                problem(
                        link.line(),
                        link.column(),
                        "\"" + link.text() + "\" quotes threshold " + id + as + ", but " + describe(t) + "; expected "
                                + value(t));
            } else if (comparator != null && !fits(comparator, t)) {
                problem(
                        link.line(),
                        link.column(),
                        "\"" + link.text() + "\" quotes threshold " + id + " as "
                                + comparator + ", but " + describe(t) + "; expected " + t.getComparator()
                                + " (or the other"
                                + " side, " + Quantities.complement(t.getComparator()) + ")");
            }
        }

        /** {@code `id`: < 50 deg}, {@code `id` (50)}, or the table cell to the right of the id's. */
        /** Checks the quote; returns how much of the next text run it took (0 when none, or a table cell). */
        private int named(Threshold t, Inline code, Following after) {
            if (after == null) {
                return 0;
            }
            Matcher m = after.cell() ? CELL.matcher(after.text()) : AFTER_ID.matcher(after.text());
            if (after.cell() ? !m.matches() : !m.find()) {
                return 0;
            }
            String comparator = m.group(1);
            double number = Double.parseDouble(m.group(2));
            if (!same(number, t) || comparator != null && !fits(normal(comparator), t)) {
                problem(
                        code.line(),
                        code.column(),
                        "`" + t.getId() + "` is quoted as "
                                + (comparator == null ? "" : comparator + " ") + Quantities.plain(m.group(2)) + ", but "
                                + describe(t) + "; expected " + (comparator == null ? "" : t.getComparator() + " ")
                                + value(t));
            }
            return after.cell() ? 0 : m.end();
        }

        /** A number that states a threshold the page's rule reads, without naming the threshold. */
        private void unnamed(String prose, Inline at, int skip, int line, int column) {
            if (read.isEmpty()) {
                return;
            }
            for (Quantity q : Quantities.digits(prose)) {
                if (at != null && at.quotedAt(skip + q.start())) {
                    continue;
                }
                List<Threshold> matching =
                        read.stream().filter(t -> same(q.number(), t)).toList();
                for (Threshold t : matching) {
                    Phrase phrase = Phrase.around(prose, q, t.getUnit());
                    if (phrase != null) {
                        problem(
                                line,
                                column + skip + phrase.start(),
                                "\"" + phrase.text() + "\" states threshold "
                                        + t.getId() + " (" + t.getComparator() + " " + value(t) + " " + t.getUnit()
                                        + ") without naming it: write it as [" + phrase.text() + "](" + LINK + t.getId()
                                        + "), so that a change of the threshold is checked here");
                        break;
                    }
                }
            }
        }

        /** The front matter's title, unless it is the page's heading (which is checked as prose). */
        private void title(MarkdownPage page) {
            Matcher m = Pattern.compile("(?m)^title:\\s*(.*)$").matcher(FrontMatter.head(text));
            if (!m.find()) {
                return;
            }
            String title = m.group(1).strip().replaceAll("^[\"']|[\"']$", "");
            String heading = page.title();
            String shown = heading == null ? null : heading.replaceFirst("^[A-Z]{2,4}-\\d{3}:\\s*", "");
            if (!Objects.equals(title, shown)) {
                int line = (int) text.substring(0, m.start(1))
                                .chars()
                                .filter(c -> c == '\n')
                                .count()
                        + 1;
                unnamed(title, null, 0, line, m.start(1) - text.lastIndexOf('\n', m.start(1) - 1));
            }
        }

        private static Following following(Block block, int i) {
            if (i + 1 < block.inlines.size()) {
                Inline next = block.inlines.get(i + 1);
                return next.kind() == Kind.TEXT ? new Following(next.text(), false) : null;
            }
            return block.next == null ? null : new Following(block.next.plain(), true);
        }

        private String describe(Threshold t) {
            return "thresholds.yaml has " + t.getId() + " " + t.getComparator() + " " + value(t) + " " + t.getUnit()
                    + " (" + YamlPlaces.place(KnowledgeBaseLinter.THRESHOLDS, yaml, t.getId()) + ")";
        }

        private void problem(int line, int column, String message) {
            problems.add(new KnowledgeProblem(path, line, column, message));
        }
    }

    /** What follows a threshold id: the rest of its text run, or the next table cell. */
    private record Following(String text, boolean cell) {}

    private static boolean same(double number, Threshold t) {
        return Math.abs(number - t.getValue()) < 1e-9;
    }

    private static boolean fits(String comparator, Threshold t) {
        return comparator.equals(t.getComparator()) || comparator.equals(Quantities.complement(t.getComparator()));
    }

    private static String normal(String comparator) {
        return comparator.replace("\u2264", "<=").replace("\u2265", ">=");
    }

    private static String value(Threshold t) {
        return Quantities.plain(t.getValue());
    }
}
