package io.crosscheck.authoring.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An unknown code is reported with the valid ones: all of them when few, else the closest, how many and where. */
class UnknownCodeMessagesTest {

    private static final String LCS = "rules/lower_crossed/lcs-findings.drl";

    @Test
    void aCodeAmongManyNamesTheClosestTheirNumberAndWhereTheyAreDefined() {
        LintFixture kb =
                LintFixture.shipped().edit(LCS, t -> t.replace("muscle == \"hamstrings\"", "muscle == \"hamstring\""));
        assertThat(kb.lint())
                .anySatisfy(p -> assertThat(p)
                        .matches(LCS.replace(".", "\\.") + ":\\d+:\\d+: \"hamstring\" is not a known code for"
                                + " MuscleLengthTest, so this condition can never match; closest codes for"
                                + " MuscleLengthTest: hamstrings, .* \\(5 of \\d+; all in rules/reference/vocabulary.yaml"
                                + " muscles and muscleLengthTests; short, normal\\)"));
    }

    @Test
    void aCodeAmongFewListsThemAll() {
        LintFixture kb = LintFixture.shipped()
                .edit(
                        "rules/plan/interventions.drl",
                        t -> t.replace(
                                "Contributor( code == \"prolonged_sitting\" )",
                                "Contributor( code == \"prolonged_siting\" )"));
        assertThat(kb.lint())
                .anySatisfy(p -> assertThat(p)
                        .contains(
                                "\"prolonged_siting\" is not a known code for Contributor, so this condition can never"
                                        + " match; valid codes for Contributor: ")
                        .contains("prolonged_sitting")
                        .endsWith(" (new Contributor(...) in the rules)"));
    }

    @Test
    void anUnknownTestOfTheCatalogueNamesTheValidOnes() {
        LintFixture kb = LintFixture.shipped()
                .edit(
                        "rules/reference/interventions.yaml",
                        t -> t.replaceFirst(
                                "testedBy: \\{ muscles: \\[iliopsoas, rectus_femoris]",
                                "testedBy: { muscles: [iliopsoas, rectus_femoral]"));
        assertThat(kb.lint())
                .anySatisfy(p -> assertThat(p)
                        .contains("intervention hip_flexor_stretch testedBy names muscle rectus_femoral (closest"
                                + " muscles: rectus_femoris, "));
    }
}
