package io.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.HomeProgramme;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.security.ClinicContact;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import io.crosscheck.web.service.SheetEdits;
import io.crosscheck.web.service.SheetView;
import io.crosscheck.web.service.SheetViews;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The take-home sheet as built from a result and the catalogue's client texts, without a server: the article
 * client's home exercises with picture, steps and dose and nothing a client cannot do alone; a referral's sheet that
 * says first what to do and how urgently, exactly as the result's urgency, and shows no exercise while it is withheld.
 */
class SheetViewsTest {

    static final ClinicContact CLINIC =
            new ClinicContact("Riverside Physio", "020 7946 0000", null, "1 River Street", null, "999");

    private final RuleHarness rules = RuleHarness.shipped();
    private final KnowledgeBase kb = rules.knowledgeBase();
    private final SheetViews views = new SheetViews();

    SheetView sheet(String request) {
        return views.view(kb, rules.screen(request), "v", CLINIC, SheetEdits.NONE);
    }

    @Test
    void theArticleClientsSheetListsTheFourExercisesOfTheArticleEachWithPictureStepsAndDose() {
        SheetView s = sheet(Requests.ARTICLE_DESK_WORKER);
        assertThat(s.referral()).isNull();
        assertThat(s.showsExercises()).isTrue();
        List<String> ids = s.exercises().stream().map(SheetView.Exercise::id).toList();
        assertThat(ids).contains("warm_up", "hip_flexor_stretch", "breathing_retraining", "childs_pose");
        for (SheetView.Exercise e : s.exercises()) {
            assertThat(e.picture()).as(e.id()).isEqualTo("/ui/exercise-pictures/" + e.id() + ".svg");
            assertThat(e.steps()).as(e.id()).hasSizeBetween(3, 6);
            assertThat(e.dose()).as(e.id()).isNotEmpty();
            assertThat(e.feel()).as(e.id()).isNotBlank();
            assertThat(e.stop()).as(e.id()).isNotBlank();
        }
        assertThat(dose(s, "hip_flexor_stretch"))
                .contains(
                        "Hold: 10 to 30 seconds, or 30 to 60 seconds if you are over 65",
                        "Repeat: 2 to 4 times on each side");
        assertThat(dose(s, "breathing_retraining"))
                .contains("Sets: 5 sets", "Repeat: 4 breaths out into the balloon in each set");
        assertThat(dose(s, "childs_pose")).contains("Hold: 1 to 2 minutes");
        assertThat(dose(s, "warm_up"))
                .contains(
                        "How often: Every time, before you exercise.",
                        "Your physiotherapist will tell you how many to do.");
        assertThat(s.exercises().get(0).title()).isEqualTo("Warm up before you exercise");
    }

    @Test
    void theArticleClientsSheetHasNothingAClientCannotDoAloneAndNoCliniciansText() {
        ScreeningResult r = rules.screen(Requests.ARTICLE_DESK_WORKER);
        SheetView s = views.view(kb, r, "v", CLINIC, SheetEdits.NONE);
        HomeProgramme home = kb.reference().home();
        assertThat(s.exercises())
                .allSatisfy(e -> assertThat(home.exercise(e.id())).isPresent());
        assertThat(r.interventions())
                .extracting(ScreeningResult.InterventionResult::id)
                .contains("education_reassurance", "sensorimotor_training");
        assertThat(s.exercises())
                .extracting(SheetView.Exercise::id)
                .doesNotContain("education_reassurance", "sensorimotor_training");
        assertThat(s.moreInClinic())
                .as("the sheet says some exercise is done in the clinic")
                .isTrue();
        String all = text(s);
        assertThat(all)
                .doesNotContainPattern("\\[[A-Z0-9-]+\\]")
                .doesNotContainPattern("\\b[A-Z]{2,4}-\\d{3}\\b")
                .doesNotContainIgnoringCase("catalogue")
                .doesNotContainIgnoringCase("not given in the sources")
                .doesNotContainIgnoringCase("clinician")
                .doesNotContain("Explain the findings", "Teach diaphragmatic");
    }

    @Test
    void aClientWithSaddleNumbnessIsToldToGoToAnEmergencyDepartmentNowAndGetsNoExercise() {
        ScreeningResult r = rules.screen(Requests.ARTICLE_WITH_SADDLE_NUMBNESS);
        assertThat(r.redFlags().urgency()).isEqualTo("emergency");
        SheetView s = views.view(kb, r, "v", CLINIC, SheetEdits.NONE);
        assertThat(s.referral().urgency()).isEqualTo("emergency");
        assertThat(s.referral().now()).isEqualTo("Go to an emergency department now.");
        assertThat(s.referral().reasons()).singleElement().asString().contains("nerves at the bottom of your spine");
        assertThat(s.referral().watchSpine())
                .as("no 'if it gets worse' list: it is an emergency now")
                .isFalse();
        assertThat(s.exerciseWithheld()).isTrue();
        assertThat(s.showsExercises()).isFalse();
        assertThat(text(s))
                .doesNotContain("medical check before starting exercises")
                .doesNotContain("numbness between");
        assertThat(s.contact().emergencyNumber()).isEqualTo("999");
    }

    @Test
    void theSheetsUrgencyIsTheResultsForEveryKindOfReferral() {
        Map<String, String> requests = Map.of(
                "cancer history",
                        Requests.ARTICLE_DESK_WORKER.replace(
                                "{ \"code\": \"history_of_cancer\", \"present\": false }",
                                "{ \"code\": \"history_of_cancer\", \"present\": true }"),
                "chest pain at rest",
                        Requests.ARTICLE_DESK_WORKER.replace("\"chestPainAtRest\": false", "\"chestPainAtRest\": true"),
                "exertional chest pain",
                        Requests.ARTICLE_DESK_WORKER.replace(
                                "\"exertionalChestPain\": false", "\"exertionalChestPain\": true"),
                "axial spondyloarthritis",
                        Requests.ARTICLE_DESK_WORKER.replace(
                                "{ \"code\": \"suspected_axial_spondyloarthritis\", \"present\": false }",
                                "{ \"code\": \"suspected_axial_spondyloarthritis\", \"present\": true }"),
                "saddle numbness", Requests.ARTICLE_WITH_SADDLE_NUMBNESS);
        List<String> seen = new ArrayList<>();
        requests.forEach((what, request) -> {
            ScreeningResult r = rules.screen(request);
            assertThat(r.redFlags().referral()).as(what).isTrue();
            SheetView s = views.view(kb, r, "v", CLINIC, SheetEdits.NONE);
            assertThat(s.referral().urgency()).as(what).isEqualTo(r.redFlags().urgency());
            assertThat(s.showsExercises()).as(what).isFalse();
            seen.add(s.referral().urgency() + ": " + s.referral().now());
        });
        assertThat(seen)
                .contains(
                        "emergency: Call an ambulance now. Do not drive yourself.",
                        "emergency: Go to an emergency department now.",
                        "urgent: See a doctor urgently, today or within a day or two.",
                        "soon: Book an appointment with your doctor soon.");
        SheetView angina =
                views.view(kb, rules.screen(requests.get("exertional chest pain")), "v", CLINIC, SheetEdits.NONE);
        assertThat(angina.referral().watchHeart()).isTrue();
        SheetView cancer = views.view(kb, rules.screen(requests.get("cancer history")), "v", CLINIC, SheetEdits.NONE);
        assertThat(cancer.referral().watchSpine()).isTrue();
    }

    @Test
    void aDoseTheClinicianSetIsPrintedInPlaceOfTheCataloguesOrTheirLine() {
        ScreeningResult r = rules.screen(Requests.ARTICLE_DESK_WORKER);
        SheetEdits edits = new SheetEdits(Map.of(
                "warm_up", new HomeProgramme.Dose(null, null, null, "5 minutes, before every workout"),
                "glute_activation",
                        new HomeProgramme.Dose("2 sets", "8 times with each leg", "5 seconds", "Every other day")));
        SheetView s = views.view(kb, r, "v", CLINIC, edits);
        assertThat(dose(s, "glute_activation"))
                .containsExactly(
                        "Sets: 2 sets",
                        "Repeat: 8 times with each leg",
                        "Hold: 5 seconds",
                        "How often: Every other day");
        assertThat(dose(s, "warm_up"))
                .containsExactly(
                        "How often: 5 minutes, before every workout",
                        "Your physiotherapist will tell you how many to do.");
        SheetView plain = views.view(kb, r, "v", CLINIC, SheetEdits.NONE);
        assertThat(dose(plain, "glute_activation"))
                .containsExactly(
                        "Repeat: 3 to 5 times with each leg",
                        "Hold: 10 seconds",
                        "Your physiotherapist will tell you how often.");
    }

    @Test
    void anExerciseTheClinicianKeptBackIsNotPrintedAndTheirNoteIs() {
        ScreeningResult r = rules.screen(Requests.ARTICLE_DESK_WORKER);
        SheetView s = views.view(
                kb, r, "v", CLINIC, new SheetEdits(Map.of(), java.util.Set.of("childs_pose"), "After your walk."));
        assertThat(s.exercises())
                .extracting(SheetView.Exercise::id)
                .doesNotContain("childs_pose")
                .contains("warm_up");
        assertThat(s.note()).isEqualTo("After your walk.");
        assertThat(views.view(kb, r, "v", CLINIC, SheetEdits.NONE).exercises())
                .extracting(SheetView.Exercise::id)
                .contains("childs_pose");
    }

    static List<String> dose(SheetView s, String id) {
        return s.exercises().stream()
                .filter(e -> e.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError(id + " not on the sheet"))
                .dose()
                .stream()
                .map(l -> l.label() == null ? l.value() : l.label() + ": " + l.value())
                .toList();
    }

    /** Every client-facing text of the sheet's content (not its fixed words). */
    static String text(SheetView s) {
        StringBuilder b = new StringBuilder();
        if (s.referral() != null) {
            b.append(s.referral().now())
                    .append('\n')
                    .append(s.referral().detail())
                    .append('\n');
            s.referral().reasons().forEach(x -> b.append(x).append('\n'));
        }
        for (SheetView.Exercise e : s.exercises()) {
            b.append(e.title()).append('\n');
            e.steps().forEach(x -> b.append(x).append('\n'));
            e.dose().forEach(x -> b.append(x.value()).append('\n'));
            b.append(e.feel()).append('\n').append(e.stop()).append('\n');
        }
        s.precautions().forEach(x -> b.append(x).append('\n'));
        return b.toString();
    }
}
