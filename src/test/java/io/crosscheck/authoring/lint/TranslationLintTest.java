package io.crosscheck.authoring.lint;

import static io.crosscheck.authoring.lint.HomeProgrammeLintTest.lineOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.engine.HomeProgrammeTranslation;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.KnowledgeSource;
import io.crosscheck.support.ModuleReuse;
import io.crosscheck.support.RuleHarness;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Spanish client texts (rules/reference/translations/es/home-programme.yaml) are checked against the English by
 * the linter: the shipped translation is complete, current and plain; an exercise left out, one the English lacks, a
 * step missing, a dose part missing, a stale entry (the English changed since) and a text too hard to read are each
 * reported at the line that names them.
 */
class TranslationLintTest {

    static final String ES = HomeProgrammeTranslation.file("es");

    private final KnowledgeBase shipped = RuleHarness.shipped().knowledgeBase();

    @Test
    void theShippedSpanishTranslationIsCompleteCurrentAndPlain() {
        HomeProgrammeTranslation es = shipped.reference().homeTranslations().get("es");
        assertThat(es).isNotNull();
        HomeProgramme english = shipped.reference().home();
        assertThat(es.exercises()).hasSameSizeAs(english.exercises());
        assertThat(es.referrals()).hasSameSizeAs(english.referrals());
        assertThat(new KnowledgeBaseLinter().lint(shipped))
                .extracting(KnowledgeProblem::toString)
                .noneMatch(p -> p.contains("translations/"));
        HomeProgramme spanish = shipped.reference().home("es");
        assertThat(spanish.exercise("hip_flexor_stretch").orElseThrow().dose().hold())
                .isEqualTo("De 10 a 30 segundos, o de 30 a 60 segundos si tiene más de 65 años");
        assertThat(spanish.referral("cardiovascular").orElseThrow().now().get("emergency"))
                .startsWith("Llame a una ambulancia ahora mismo.");
    }

    @Test
    void aMissingAndAnExtraExerciseAreReported() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        String yaml = files.get(ES);
        int from = yaml.indexOf("  - id: childs_pose");
        int to = yaml.indexOf("  - id: tfl_stretch");
        files.put(
                ES, yaml.substring(0, from) + yaml.substring(to).replace("  - id: tfl_stretch", "  - id: tfl_strech"));
        List<String> problems = lint(files);
        assertThat(problems)
                .anyMatch(p -> p.startsWith(ES + ":") && p.contains("home exercise childs_pose has no es translation"));
        assertThat(problems)
                .anyMatch(p -> p.startsWith(ES + ":" + lineOf(files.get(ES), "id: tfl_strech") + ":")
                        && p.contains("exercise tfl_strech is no home exercise of " + HomeProgramme.FILE));
    }

    @Test
    void aMissingStepAndAMissingDosePartAreReported() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        files.put(
                ES,
                files.get(ES)
                        .replace("      - Siéntese despacio hacia los talones.\n", "")
                        .replace("      hold: De 1 a 2 minutos\n", ""));
        List<String> problems = lint(files);
        assertThat(problems)
                .anyMatch(p -> p.contains("exercise childs_pose has 3 steps; the English has 4"))
                .anyMatch(p -> p.contains("exercise childs_pose lacks the dose hold the English gives"));
    }

    @Test
    void aChangeToTheEnglishMakesItsTranslationStaleWithTheNewFingerprint() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        files.put(
                HomeProgramme.FILE,
                files.get(HomeProgramme.FILE).replace("      hold: 1 to 2 minutes", "      hold: 2 to 3 minutes"));
        KnowledgeBase changed = build(files);
        String now = HomeProgrammeTranslation.fingerprint(
                changed.reference().home().exercise("childs_pose").orElseThrow());
        List<String> problems = new KnowledgeBaseLinter()
                .lint(changed).stream().map(KnowledgeProblem::toString).toList();
        String yaml = files.get(ES);
        int line = yaml.substring(0, yaml.indexOf("translatedFrom", yaml.indexOf("id: childs_pose")))
                .split("\n", -1)
                .length;
        assertThat(problems)
                .anyMatch(p -> p.startsWith(ES + ":" + line + ":")
                        && p.contains("the English of exercise childs_pose changed since it was translated")
                        && p.contains("set translatedFrom: " + now));
    }

    @Test
    void aSpanishTextTooHardToReadIsReportedWithItsInfleszScore() {
        Map<String, String> files = new HashMap<>(shipped.source().files());
        String hard = "Mantenga la inclinación pélvica posterior durante toda la realización del ejercicio,"
                + " evitando compensaciones lumbares.";
        files.put(
                ES,
                files.get(ES)
                        .replace(
                                "    feel: Un estiramiento suave en la parte baja de la espalda.\n    stop: Pare si el dolor baja",
                                "    feel: " + hard + "\n    stop: Pare si el dolor baja"));
        List<String> problems = lint(files);
        assertThat(problems)
                .anyMatch(p -> p.startsWith(ES + ":" + lineOf(files.get(ES), hard) + ":")
                        && p.matches(".*client text is too hard to read: INFLESZ -?\\d+\\.\\d, Fernández-Huerta"
                                + " -?\\d+\\.\\d \\(target: INFLESZ >= 65\\)"));
    }

    private static KnowledgeBase build(Map<String, String> files) {
        return ModuleReuse.BUILDER.build(new KnowledgeSource("test", files));
    }

    private static List<String> lint(Map<String, String> files) {
        return new KnowledgeBaseLinter()
                .lint(build(files)).stream().map(KnowledgeProblem::toString).toList();
    }
}
