package io.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.web.service.KbDocs;
import org.junit.jupiter.api.Test;

/** kb-docs pages as the authors' pages show them: no front matter, links to the pages that show the targets. */
class KbDocsTest {

    @Test
    void aPageIsRenderedWithoutItsFrontMatterAndItsKbDocsLinksPointAtTheUiPages() {
        String html = new KbDocs().html("""
                ---
                id: LCS-003
                ---
                # Short hip flexors

                See [the stretch](../interventions/hip-flexor-stretch.md#dose), [LCS-001](rules/LCS-001.md),
                [a source](https://example.org/paper) and <b>raw html</b>.
                """);
        assertThat(html)
                .doesNotContain("id: LCS-003")
                .contains("<h1>Short hip flexors</h1>")
                .contains("href=\"/ui/kb/docs/interventions/hip-flexor-stretch.md#dose\"")
                .contains("href=\"/ui/kb/rules/LCS-001\"")
                .contains("href=\"https://example.org/paper\"")
                .contains("&lt;b&gt;raw html&lt;/b&gt;");
    }

    @Test
    void aQuotedThresholdReadsAsWrittenAndLinksToTheReferencePage() {
        String html = new KbDocs().html("An angle [below 50°](kb:threshold/cva_forward_head) counts.\n");
        assertThat(html)
                .contains(">below 50°</a> counts.")
                .contains("href=\"/ui/kb/docs/reference.md#thresholds\"")
                .contains("title=\"threshold cva_forward_head (rules/reference/thresholds.yaml)\"");
        assertThat(KbDocs.plain("An angle [below 50°](kb:threshold/cva_forward_head) counts."))
                .isEqualTo("An angle below 50° counts.");
    }

    @Test
    void aPageWithoutFrontMatterIsRenderedWhole() {
        assertThat(new KbDocs().html("# Title\r\n\r\ntext"))
                .contains("<h1>Title</h1>")
                .contains("<p>text</p>");
    }

    @Test
    void sectionHeadingsGetGitHubIdsSoThatInPageLinksWorkAndARepeatedOneIsNumbered() {
        String html = new KbDocs()
                .html("# Fact model\n\n[Symptom](#symptom)\n\n## The `reference` global\n\n"
                        + "### Symptom\n\n### Symptom\n");
        assertThat(html)
                .contains("<h1>Fact model</h1>")
                .contains("href=\"#symptom\"")
                .contains("<h2 id=\"the-reference-global\">")
                .contains("<h3 id=\"symptom\">Symptom</h3>")
                .contains("<h3 id=\"symptom-1\">Symptom</h3>");
    }

    @Test
    void aSectionRunsToTheNextHeadingOfItsLevel() {
        String page = "# X\n\n## How to perform\nLie supine.\n### Detail\nKnee bent.\n## Precautions\nNone.\n";
        assertThat(KbDocs.section(page, "How to perform")).contains("Lie supine.\n### Detail\nKnee bent.");
        assertThat(KbDocs.section(page, "Precautions")).contains("None.");
        assertThat(KbDocs.section(page, "Dose")).isEmpty();
    }
}
