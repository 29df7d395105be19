package io.crosscheck.authoring.lint;

import com.fasterxml.jackson.core.JsonLocation;
import io.crosscheck.authoring.lint.MarkdownPage.Block;
import io.crosscheck.authoring.lint.MarkdownPage.Inline;
import io.crosscheck.authoring.lint.MarkdownPage.Kind;
import io.crosscheck.authoring.lint.Quantities.Quantity;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.facts.InterventionDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An intervention page's "Dose" section states the catalogue's dose ({@code rules/reference/interventions.yaml}): the
 * same numbers, as many times, in digits or words ({@code 10-30 s}, {@code five sets of four}). A number the
 * catalogue's dose does not have is reported where the page states it, and a number of the catalogue's dose the
 * section does not state at its heading, both with the catalogue's dose. What the sources say beyond the
 * catalogue's dose belongs in another section.
 */
final class DoseQuotes {

    static final String SECTION = "Dose";
    private static final int SHOWN = 160;

    private DoseQuotes() {}

    static void check(LintSubject subject, List<KnowledgeProblem> problems) {
        Map<String, JsonLocation> yaml =
                YamlPlaces.ids(subject.source().files().getOrDefault(KnowledgeBaseLinter.CATALOGUE, ""));
        for (InterventionDefinition i : subject.reference().interventions()) {
            String path = KnowledgeBaseLinter.INTERVENTION_DOCS + i.getId() + ".md";
            String text = subject.source().files().get(path);
            if (text == null || i.getDose() == null) {
                continue; // a missing page is reported with the catalogue
            }
            String dose = "the catalogue's dose of " + i.getId() + " ("
                    + YamlPlaces.place(KnowledgeBaseLinter.CATALOGUE, yaml, i.getId()) + "): \"" + shown(i.getDose())
                    + "\"";
            check(path, MarkdownPage.of(text), Quantities.all(i.getDose()), dose, problems);
        }
    }

    private static void check(
            String path, MarkdownPage page, List<Quantity> catalogue, String dose, List<KnowledgeProblem> problems) {
        Map<String, Integer> expected = new HashMap<>();
        catalogue.forEach(q -> expected.merge(q.value(), 1, Integer::sum));
        Block heading = null;
        List<Inline> at = new ArrayList<>();
        List<Quantity> quantities = new ArrayList<>();
        for (Block block : page.blocks) {
            if (heading == null && block.section.equals(SECTION)) {
                heading = block;
            }
            if (!block.section.equals(SECTION)) {
                continue;
            }
            for (Inline inline : block.inlines) {
                if (inline.kind() != Kind.CODE) {
                    for (Quantity q : Quantities.all(inline.text())) {
                        at.add(inline);
                        quantities.add(q);
                    }
                }
            }
        }
        if (heading == null) {
            if (!catalogue.isEmpty()) {
                problems.add(
                        new KnowledgeProblem(path, 1, 1, "the page has no \"## " + SECTION + "\" section; " + dose));
            }
            return;
        }
        Map<String, Integer> stated = new LinkedHashMap<>();
        Map<String, int[]> first = new HashMap<>();
        for (int k = 0; k < quantities.size(); k++) {
            Quantity q = quantities.get(k);
            stated.merge(q.value(), 1, Integer::sum);
            first.putIfAbsent(q.value(), new int[] {at.get(k).line(), at.get(k).column() + q.start()});
        }
        stated.forEach((value, times) -> {
            int wanted = expected.getOrDefault(value, 0);
            if (times > wanted) {
                int[] where = first.get(value);
                String how = wanted == 0
                        ? ", which is not in " + dose
                        : " in " + times + " places, " + dose + " in " + wanted;
                problems.add(new KnowledgeProblem(
                        path,
                        where[0],
                        where[1],
                        "the Dose section states " + value + how
                                + "; state the catalogue's dose (other sources' numbers belong in another section)"));
            }
        });
        int line = heading.inlines.isEmpty() ? 1 : heading.inlines.get(0).line();
        expected.forEach((value, times) -> {
            int missing = times - stated.getOrDefault(value, 0);
            if (missing > 0) {
                problems.add(new KnowledgeProblem(
                        path,
                        line,
                        1,
                        "the Dose section does not state " + value + (missing > 1 ? " (" + missing + " times)" : "")
                                + " of " + dose + "; expected " + value));
            }
        });
    }

    private static String shown(String dose) {
        return dose.length() <= SHOWN ? dose : dose.substring(0, SHOWN - 3) + "...";
    }
}
