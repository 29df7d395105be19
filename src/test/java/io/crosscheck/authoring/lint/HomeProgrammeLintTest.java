package io.crosscheck.authoring.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.support.ModuleReuse;
import io.crosscheck.support.RuleHarness;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client's side of the catalogue (rules/reference/home-programme.yaml) is checked against the catalogue by the
 * linter: every home exercise has client texts and a picture, every id exists, and every text reads plainly; each
 * problem at its file:line.
 */
class HomeProgrammeLintTest {

    static final String HOME = HomeProgramme.FILE;
    static final String CATALOGUE = "rules/reference/interventions.yaml";

    private final KnowledgeBase shipped = RuleHarness.shipped().knowledgeBase();

    @Test
    void everyItemOfTheShippedCatalogueHasClientTextsOrIsMarkedNotForHome() {
        HomeProgramme home = shipped.reference().home();
        shipped.reference().interventions().stream()
                .forEach(i -> assertThat(home.exercise(i.getId()).isPresent()
                                || home.notForHome(i.getId()).isPresent())
                        .as(i.getId())
                        .isTrue());
        assertThat(home.exercises())
                .extracting(HomeProgramme.Exercise::id)
                .contains("warm_up", "hip_flexor_stretch", "breathing_retraining", "childs_pose");
        assertThat(home.notForHome())
                .extracting(HomeProgramme.NotForHome::id)
                .contains(
                        "sensorimotor_training",
                        "balance_training",
                        "manual_therapy",
                        "education_reassurance",
                        "medical_referral");
        assertThat(new KnowledgeBaseLinter().lint(shipped))
                .extracting(KnowledgeProblem::toString)
                .noneMatch(p -> p.contains("home-programme") || p.contains("pictures/") || p.contains("client"));
    }

    @Test
    void anExerciseWithoutClientTextsIsReportedAtItsCatalogueEntry() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        String yaml = files.get(HOME);
        int from = yaml.indexOf("  - id: childs_pose");
        int to = yaml.indexOf("  - id: tfl_stretch");
        files.put(HOME, yaml.substring(0, from) + yaml.substring(to));
        files.remove(HomeProgramme.picture("childs_pose"));
        int line = lineOf(files.get(CATALOGUE), "id: childs_pose");
        assertThat(lint(files))
                .anyMatch(p -> p.startsWith(CATALOGUE + ":" + line + ":")
                        && p.contains("intervention childs_pose is not in " + HOME));
    }

    @Test
    void anUnknownIdOrDomainIsReportedWhereTheFileNamesIt() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        files.put(
                HOME,
                files.get(HOME)
                        .replace("  - id: graded_activity", "  - id: graded_activty")
                        .replace("  - domain: malignancy", "  - domain: malignant"));
        List<String> problems = lint(files);
        String yaml = files.get(HOME);
        assertThat(problems)
                .anyMatch(p -> p.startsWith(HOME + ":" + lineOf(yaml, "id: graded_activty") + ":")
                        && p.contains("graded_activty is not in " + CATALOGUE));
        assertThat(problems)
                .anyMatch(p -> p.startsWith(HOME + ":" + lineOf(yaml, "domain: malignant") + ":")
                        && p.contains("neither a red-flag domain nor a health-screen section"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith("rules/reference/red-flags.yaml:")
                        && p.contains("red-flag domain malignancy has no client words"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith(CATALOGUE + ":") && p.contains("intervention graded_activity is not in"));
    }

    @Test
    void aTextAboveTheReadingLevelIsReportedWithItsScoreAndALongSentenceWhereItStands() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        String hard = "Maintain posterior pelvic inclination throughout, preventing compensatory lumbar"
                + " hyperextension and anterior innominate rotation.";
        String long_ = "Move your hips slowly forward and keep going a bit more and then a bit more again until you"
                + " feel it at the front of the back hip.";
        files.put(
                HOME,
                files.get(HOME)
                        .replace("      - Keep your back straight. Do not let it arch.", "      - " + hard)
                        .replace(
                                "      - Move your hips slowly forward until you feel a stretch at the front of the back hip.",
                                "      - " + long_));
        List<String> problems = lint(files);
        String yaml = files.get(HOME);
        assertThat(problems)
                .anyMatch(p -> p.startsWith(HOME + ":" + lineOf(yaml, hard) + ":")
                        && p.matches(".*client text is too hard to read: reading ease -?\\d+\\.\\d, grade \\d+\\.\\d"
                                + " \\(targets: ease >= 70, grade <= 6\\.0\\)"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith(HOME + ":" + lineOf(yaml, long_) + ":")
                        && p.contains("client sentence of 28 words (at most 20)"));
    }

    @Test
    void anEntryWhoseShortTextsTogetherAreTooHardIsReportedAtItsIdWithItsScore() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        String yaml = files.get(HOME);
        int from = yaml.indexOf("  - id: childs_pose");
        int to = yaml.indexOf("  - id: tfl_stretch");
        String hard = """
                  - id: childs_pose
                    title: Posterior chain elongation
                    steps:
                      - Assume quadrupedal positioning.
                      - Posteriorly translate pelvis.
                      - Maintain cervical alignment.
                    dose:
                      hold: Approximately ninety seconds
                    feel: Paraspinal elongation.
                    stop: Discontinue with radiating symptoms.

                """;
        files.put(HOME, yaml.substring(0, from) + hard + yaml.substring(to));
        List<String> problems = lint(files);
        assertThat(problems)
                .anyMatch(p -> p.startsWith(HOME + ":" + lineOf(files.get(HOME), "id: childs_pose") + ":")
                        && p.contains("home exercise childs_pose is too hard to read: reading ease"));
    }

    @Test
    void citationKeysCodesAndTheCliniciansWordsAreNotClientText() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        files.put(
                HOME,
                files.get(HOME)
                        .replace(
                                "    feel: A gentle stretch in your lower back.",
                                "    feel: A gentle stretch in your lower back [S0].")
                        .replace(
                                "    stop: Stop if pain spreads into your leg, or if your knees hurt.",
                                "    stop: \"Catalogue: stop if pain spreads to the leg (spinal_flexion, SAF-900).\""));
        List<String> problems = lint(files);
        String yaml = files.get(HOME);
        int feel = lineOf(yaml, "lower back [S0]");
        int stop = lineOf(yaml, "Catalogue: stop");
        assertThat(problems)
                .anyMatch(p -> p.startsWith(HOME + ":" + feel + ":") && p.contains("a citation key (\"[S0]\")"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith(HOME + ":" + stop + ":") && p.contains("a code (\"spinal_flexion\")"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith(HOME + ":" + stop + ":") && p.contains("a rule id (\"SAF-900\")"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith(HOME + ":" + stop + ":") && p.contains("the clinician's words"));
    }

    @Test
    void aHomeExerciseWithoutAPictureOrWithAScriptInItsPictureIsReported() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        files.remove(HomeProgramme.picture("childs_pose"));
        String svg = files.get(HomeProgramme.picture("warm_up"));
        files.put(HomeProgramme.picture("warm_up"), svg.replace("</svg>", "<script>alert(1)</script>\n</svg>"));
        files.put(HomeProgramme.picture("manual_therapy"), svg);
        List<String> problems = lint(files);
        assertThat(problems)
                .anyMatch(p -> p.startsWith(HOME + ":" + lineOf(files.get(HOME), "id: childs_pose") + ":")
                        && p.contains("has no picture kb-docs/interventions/pictures/childs_pose.svg"));
        int script = lineOf(files.get(HomeProgramme.picture("warm_up")), "<script>");
        assertThat(problems)
                .anyMatch(p -> p.startsWith(HomeProgramme.picture("warm_up") + ":" + script + ":")
                        && p.contains("<script> is not allowed"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith(HomeProgramme.picture("manual_therapy") + ":1:1:")
                        && p.contains("which is no home exercise"));
    }

    @Test
    void aCatalogueDoseChangedWithoutTheClientsDoseIsReportedAtDoseFromWithBothTextsUntilTheClientDoseIsChecked() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        files.put(
                CATALOGUE,
                files.get(CATALOGUE)
                        .replace("dose: \"Static 10-30 s, 2-4 repetitions", "dose: \"Static 30 s, 2-4 repetitions"));
        List<String> problems = lint(files);
        String yaml = files.get(HOME);
        int doseFrom = lineOf(yaml.substring(yaml.indexOf("  - id: hip_flexor_stretch")), "doseFrom: ")
                + lineOf(yaml, "  - id: hip_flexor_stretch")
                - 1;
        assertThat(problems)
                .as("the sheet would still say 10 to 30 seconds")
                .anyMatch(p -> p.startsWith(HOME + ":" + doseFrom + ":")
                        && p.contains("the client's dose of hip_flexor_stretch was written from the catalogue dose"
                                + " \"Static 10-30 s, 2-4 repetitions")
                        && p.contains("but the catalogue now says \"Static 30 s, 2-4 repetitions")
                        && p.contains(
                                "(" + CATALOGUE + ":" + lineOf(files.get(CATALOGUE), "dose: \"Static 30 s") + ")"));

        // the author checks the client's hold and copies the new catalogue dose: nothing left to report
        files.put(
                HOME,
                yaml.replace("hold: 10 to 30 seconds, or 30 to 60", "hold: 30 seconds, or 30 to 60")
                        .replace(
                                "doseFrom: \"Static 10-30 s, 2-4 repetitions",
                                "doseFrom: \"Static 30 s, 2-4 repetitions"));
        assertThat(lint(files)).noneMatch(p -> p.startsWith(HOME));
    }

    @Test
    void aHomeExerciseWithoutDoseFromIsAskedToRecordTheCatalogueDoseItWasWrittenFrom() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        String yaml = files.get(HOME);
        int from = yaml.indexOf("    doseFrom: \"Hold 1-2 minutes");
        files.put(HOME, yaml.substring(0, from) + yaml.substring(yaml.indexOf('\n', from) + 1));
        assertThat(lint(files))
                .anyMatch(p -> p.startsWith(HOME + ":" + lineOf(files.get(HOME), "id: childs_pose") + ":")
                        && p.contains("home exercise childs_pose has no doseFrom")
                        && p.contains("\"Hold 1-2 minutes, then return to exercise.\""));
    }

    @Test
    void aKnowledgeBaseWithoutTheFileIsNotCheckedAndReadsWithNoClientTexts() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        files.remove(HOME);
        files.keySet().removeIf(p -> p.startsWith(HomeProgramme.PICTURES));
        KnowledgeBase kb = build(files);
        assertThat(kb.reference().home().exercises()).isEmpty();
        assertThat(new KnowledgeBaseLinter().lint(kb)).isEmpty();
    }

    @Test
    void aTypoInTheFileStopsTheLoadAtItsLine() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        files.put(HOME, files.get(HOME).replaceFirst("    feel: ", "    feels: "));
        List<KnowledgeProblem> problems = new ArrayList<>();
        try {
            build(files);
        } catch (io.crosscheck.engine.KnowledgeBaseException e) {
            problems.addAll(e.problems());
        }
        assertThat(problems)
                .anyMatch(p -> p.file().equals(HOME)
                        && p.line() == lineOf(files.get(HOME), "feels: ")
                        && p.message().contains("Unrecognized field \"feels\""));
    }

    private static KnowledgeBase build(Map<String, String> files) {
        return ModuleReuse.BUILDER.build(new KnowledgeSource("test", files));
    }

    private List<String> lint(Map<String, String> files) {
        return new KnowledgeBaseLinter()
                .lint(build(files)).stream().map(KnowledgeProblem::toString).toList();
    }

    /** The 1-based line of the first occurrence of {@code text}. */
    static int lineOf(String file, String text) {
        int at = file.indexOf(text);
        assertThat(at).as(text).isNotNegative();
        return file.substring(0, at).split("\n", -1).length;
    }
}
