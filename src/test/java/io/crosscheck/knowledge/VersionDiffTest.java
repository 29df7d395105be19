package io.crosscheck.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.knowledge.service.VersionDiff;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionDiffTest {

    @Test
    void filesAddedRemovedAndChangedAreNamedAndAChangedFileShowsOnlyItsChangedLines() {
        Map<String, String> from = Map.of(
                "rules/a.drl", "rule A\nwhen\n  x > 3\nthen\nend\n",
                "rules/gone.drl", "old\n",
                "kb-docs/same.md", "same\n");
        Map<String, String> to = Map.of(
                "rules/a.drl", "rule A\nwhen\n  x > 4\n  y == 1\nthen\nend\n",
                "rules/new.drl", "new\n",
                "kb-docs/same.md", "same\n");

        VersionDiff.Diff diff = VersionDiff.between("v1", from, "v2", to);

        assertThat(diff.added()).containsExactly("rules/new.drl");
        assertThat(diff.removed()).containsExactly("rules/gone.drl");
        assertThat(diff.changed()).extracting(VersionDiff.FileChange::path).containsExactly("rules/a.drl");
        assertThat(diff.changed().get(0).hunks()).containsExactly("@@ -3,1 +3,2 @@\n-  x > 3\n+  x > 4\n+  y == 1\n");
    }

    @Test
    void identicalVersionsHaveNoDifference() {
        Map<String, String> files = Map.of("rules/a.drl", "rule A\n");
        VersionDiff.Diff diff = VersionDiff.between("v", files, "v", files);
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.changed()).isEqualTo(List.of());
    }
}
