package io.crosscheck.authoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.authoring.service.ThreeWayMerge.Lines;
import io.crosscheck.authoring.service.ThreeWayMerge.Result;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reverting one version's changes on top of later ones, file by file and line by line. */
class ThreeWayMergeTest {

    private static final String THRESHOLDS = "cva: 50\nkyphosis: 40\nshoulder: 52\nsitting: 6\n";

    @Test
    void aChangeIsUndoneWhileLaterChangesToOtherLinesOfTheSameFileStay() {
        String parent = THRESHOLDS;
        String reverted = THRESHOLDS.replace("cva: 50", "cva: 48");
        String current = reverted.replace("sitting: 6", "sitting: 7");

        Result r = ThreeWayMerge.revert(
                Map.of("rules/t.yaml", reverted), Map.of("rules/t.yaml", parent), Map.of("rules/t.yaml", current));

        assertThat(r.clean()).isTrue();
        assertThat(r.files()).containsEntry("rules/t.yaml", "cva: 50\nkyphosis: 40\nshoulder: 52\nsitting: 7\n");
        assertThat(r.changed()).containsExactly("rules/t.yaml");
    }

    @Test
    void filesTheRevertedVersionDidNotTouchKeepTheirLaterChanges() {
        Map<String, String> parent = Map.of("rules/t.yaml", THRESHOLDS, "kb-docs/a.md", "a\n");
        Map<String, String> reverted = Map.of("rules/t.yaml", THRESHOLDS.replace("50", "48"), "kb-docs/a.md", "a\n");
        Map<String, String> current = Map.of(
                "rules/t.yaml",
                THRESHOLDS.replace("50", "48"),
                "kb-docs/a.md",
                "a, edited later\n",
                "kb-docs/b.md",
                "b\n");

        Result r = ThreeWayMerge.revert(reverted, parent, current);

        assertThat(r.files())
                .containsEntry("rules/t.yaml", THRESHOLDS)
                .containsEntry("kb-docs/a.md", "a, edited later\n")
                .containsEntry("kb-docs/b.md", "b\n")
                .hasSize(3);
        assertThat(r.changed()).containsExactly("rules/t.yaml");
    }

    @Test
    void aFileTheRevertedVersionAddedIsRemovedAndOneItRemovedIsRestored() {
        Map<String, String> parent = Map.of("rules/old.drl", "rule old\n");
        Map<String, String> reverted = Map.of("rules/new.drl", "rule new\n");
        Map<String, String> current = Map.of("rules/new.drl", "rule new\n", "rules/later.drl", "rule later\n");

        Result r = ThreeWayMerge.revert(reverted, parent, current);

        assertThat(r.files()).containsOnlyKeys("rules/old.drl", "rules/later.drl");
        assertThat(r.files()).containsEntry("rules/old.drl", "rule old\n");
        assertThat(r.changed()).containsExactly("rules/new.drl", "rules/old.drl");
    }

    @Test
    void aLaterChangeToTheSameLinesIsAConflictNamingTheFileAndItsLines() {
        String parent = THRESHOLDS;
        String reverted = THRESHOLDS.replace("cva: 50", "cva: 48");
        String current = reverted.replace("cva: 48", "cva: 47");

        Result r = ThreeWayMerge.revert(
                Map.of("rules/t.yaml", reverted), Map.of("rules/t.yaml", parent), Map.of("rules/t.yaml", current));

        assertThat(r.clean()).isFalse();
        assertThat(r.files()).isEmpty();
        assertThat(r.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("rules/t.yaml");
            assertThat(c.current()).isEqualTo(new Lines(1, 1));
            assertThat(c.parent()).isEqualTo(new Lines(1, 1));
            assertThat(c.message()).startsWith("line 1 of the active version changed since");
        });
    }

    @Test
    void everyConflictingFileIsReportedAndTheCleanOnesDoNotHideThem() {
        Map<String, String> parent = new HashMap<>(Map.of("a.yaml", "x: 1\n", "b.yaml", "y: 1\n", "c.yaml", "z: 1\n"));
        Map<String, String> reverted = Map.of("a.yaml", "x: 2\n", "b.yaml", "y: 2\n", "c.yaml", "z: 2\n");
        Map<String, String> current = Map.of("a.yaml", "x: 3\n", "b.yaml", "y: 2\n", "c.yaml", "z: 3\n");

        Result r = ThreeWayMerge.revert(reverted, parent, current);

        assertThat(r.conflicts()).extracting(ThreeWayMerge.Conflict::path).containsExactly("a.yaml", "c.yaml");
        assertThat(r.changed()).isEmpty();
    }

    @Test
    void aFileTheRevertedVersionAddedAndThatChangedSinceIsAWholeFileConflict() {
        Result r = ThreeWayMerge.revert(
                Map.of("rules/new.drl", "rule new\n"), Map.of(), Map.of("rules/new.drl", "rule new, edited\n"));

        assertThat(r.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("rules/new.drl");
            assertThat(c.current()).isNull();
            assertThat(c.message()).contains("added this file and it changed since");
        });
    }

    @Test
    void aChangeUndoneAlreadyIsNoChangeAndTheLastLineWithoutNewlineSurvives() {
        String parent = "a\nb\nc";
        String reverted = "a\nB\nc";
        Result undone = ThreeWayMerge.revert(Map.of("f", reverted), Map.of("f", parent), Map.of("f", parent));
        assertThat(undone.changed()).isEmpty();
        assertThat(undone.files()).containsEntry("f", parent);

        Result merged = ThreeWayMerge.revert(
                Map.of("f", "a\nB\nc\nd\ne"), Map.of("f", "a\nb\nc\nd\ne"), Map.of("f", "a\nB\nc\nd\nE"));
        assertThat(merged.files()).containsEntry("f", "a\nb\nc\nd\nE");
    }

    @Test
    void linesInsertedByTheRevertedVersionAreRemovedBesideLaterInsertionsElsewhere() {
        String parent = "one\ntwo\nthree\nfour\nfive\n";
        String reverted = "one\ninserted\ntwo\nthree\nfour\nfive\n";
        String current = "one\ninserted\ntwo\nthree\nfour\nfive\nsix\n";

        Result r = ThreeWayMerge.revert(Map.of("f", reverted), Map.of("f", parent), Map.of("f", current));

        assertThat(r.files()).containsEntry("f", "one\ntwo\nthree\nfour\nfive\nsix\n");
    }
}
