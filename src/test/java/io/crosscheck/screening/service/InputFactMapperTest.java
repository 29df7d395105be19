package io.crosscheck.screening.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crosscheck.common.problem.InvalidRequestException;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.facts.Answer;
import io.crosscheck.engine.facts.ClientContext;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.NotRecorded;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.support.RuleHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A request turned into the facts the rules see, without HTTP: one answer per input sent, nothing for one not sent. */
class InputFactMapperTest {

    private static final ReferenceData REFERENCE =
            RuleHarness.shipped().knowledgeBase().reference();

    private static List<InputFact> facts(String json) throws Exception {
        return InputFactMapper.map(RuleHarness.JSON.readValue(json, ScreeningRequest.class), REFERENCE);
    }

    @Test
    void eachInputSentIsOneAnswerWithItsPointerAndValueAndAnInputNotSentHasNone() throws Exception {
        List<InputFact> facts = facts("""
                {"client": {"age": 30}, "lifestyle": {"activityLevel": "vigorous"}}""");
        assertThat(facts)
                .filteredOn(f -> f instanceof Answer)
                .extracting(InputFact::getRef)
                .containsExactlyInAnyOrder("/client/age", "/lifestyle/activityLevel");
        Answer activity = facts.stream()
                .filter(f -> f instanceof Answer a && a.getCode().equals("activity_level"))
                .map(Answer.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(activity.getChoice()).isEqualTo("vigorous");
        assertThat(activity.getNumber()).as("a choice has no number to compare").isNull();
        assertThat(activity.describe()).isEqualTo("activity level: vigorous");
        assertThat(facts).noneMatch(f -> f instanceof Answer a && a.getCode().equals("sitting_hours_per_day"));
        assertThat(facts)
                .anyMatch(f -> f instanceof NotRecorded n
                        && n.getCode().equals("sitting_hours_per_day")
                        && n.describe().equals("sitting time not recorded"));
        assertThat(facts)
                .filteredOn(f -> f instanceof ClientContext)
                .extracting(InputFact::describe)
                .containsExactly("client aged 30");
    }

    @Test
    void aQuestionThatDoesNotApplyToTheClientIsNotListedAsNotRecorded() throws Exception {
        // STarT Back applies to clients with low-back symptoms only
        assertThat(facts("{\"client\": {\"age\": 30}}"))
                .noneMatch(f -> f instanceof NotRecorded n && n.getCode().equals("sbst_total"));
        assertThat(facts("""
                {"client": {"age": 30}, "symptoms": [{"region": "low_back", "kind": "pain"}]}"""))
                .anyMatch(f -> f instanceof NotRecorded n && n.getCode().equals("sbst_total"));
    }

    @Test
    void numbersReachTheRulesAsNumbersWithTheirUnitInTheDescription() throws Exception {
        Answer sitting = facts("{\"client\": {\"age\": 30}, \"lifestyle\": {\"sittingHoursPerDay\": 7}}").stream()
                .filter(f -> f instanceof Answer a && a.getCode().equals("sitting_hours_per_day"))
                .map(Answer.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(sitting.getNumber()).isEqualTo(7.0);
        assertThat(sitting.describe()).isEqualTo("sitting time 7 h/day");
        assertThat(sitting.isYes()).isFalse();
    }

    @Test
    void everyBadAnswerIsNamedWrongTypesAsA400AndOutOfRangeValuesAsA422() {
        assertThatThrownBy(() -> facts("""
                {"client": {"age": 30}, "lifestyle": {"sittingHoursPerDay": 25, "activityLevel": "lazy"},
                 "psychosocial": {"sbstTotal": 2, "sbstPsych": 4}}""")).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.errors())
                    .extracting(f -> f.field())
                    .containsExactlyInAnyOrder(
                            "/lifestyle/sittingHoursPerDay", "/lifestyle/activityLevel", "/psychosocial/sbstPsych");
        });
        assertThatThrownBy(() -> facts("""
                {"client": {"age": "30"}, "breathing": {"upperChestDominant": "true", "deepSighs": true}}""")).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors())
                    .extracting(f -> f.field())
                    .containsExactlyInAnyOrder("/client/age", "/breathing/upperChestDominant", "/breathing/deepSighs");
        });
        assertThatThrownBy(() -> facts("{\"lifestyle\": {\"sittingHoursPerDay\": 3}}"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("/client"));
    }
}
