package io.crosscheck.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import io.crosscheck.web.service.AmendmentDiff;
import io.crosscheck.web.service.AmendmentDiff.Change;
import io.crosscheck.web.service.RequestFields;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an amendment changed, field by field, with the knowledge base's labels (issue 26, point 5): repeated entries are
 * compared by what they are about (a muscle and side, a red flag), not by their place in the list.
 */
class AmendmentDiffTest {

    static final KnowledgeBase KB = RuleHarness.shipped().knowledgeBase();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachChangedFieldIsListedOnceWithItsLabelAndOldAndNewValue() throws Exception {
        JsonNode v1 = JSON.readTree(Requests.ARTICLE_DESK_WORKER);
        JsonNode v2 = JSON.readTree(Requests.ARTICLE_DESK_WORKER
                .replace("\"side\": \"right\", \"result\": \"short\"", "\"side\": \"right\", \"result\": \"normal\"")
                .replace("\"sittingHoursPerDay\": 9", "\"sittingHoursPerDay\": 5")
                .replace(
                        "{ \"code\": \"history_of_cancer\", \"present\": false }",
                        "{ \"code\": \"history_of_cancer\", \"present\": true }"));

        List<Change> changes = AmendmentDiff.between(KB, v1, v2);

        assertThat(changes)
                .containsExactlyInAnyOrder(
                        new Change(
                                "Muscle length: One-joint hip flexors (iliopsoas), right",
                                "short, 9 deg",
                                "normal, 9 deg"),
                        new Change("Lifestyle: Sitting per day", "9 h/day", "5 h/day"),
                        new Change(
                                "Red flag: "
                                        + KB.reference()
                                                .redFlag("history_of_cancer")
                                                .orElseThrow()
                                                .getLabel(),
                                "no",
                                "yes"));
    }

    @Test
    void anEntryMovedInItsListIsNoChangeAndOneRemovedReadsNotRecorded() throws Exception {
        JsonNode v1 = JSON.readTree(Requests.ARTICLE_DESK_WORKER);
        String swapped = Requests.ARTICLE_DESK_WORKER
                .replace(
                        "{ \"muscle\": \"iliopsoas\", \"side\": \"left\"",
                        "{ \"muscle\": \"placeholder\", \"side\": \"left\"")
                .replace(
                        "{ \"muscle\": \"iliopsoas\", \"side\": \"right\"",
                        "{ \"muscle\": \"iliopsoas\", \"side\": \"left\"")
                .replace(
                        "{ \"muscle\": \"placeholder\", \"side\": \"left\"",
                        "{ \"muscle\": \"iliopsoas\", \"side\": \"right\"");
        JsonNode reordered = JSON.readTree(swapped);
        assertThat(AmendmentDiff.between(KB, v1, v1)).isEmpty();
        assertThat(AmendmentDiff.between(KB, v1, reordered))
                .as("left and right swapped their places and their values: both sides changed")
                .extracting(Change::label)
                .containsExactlyInAnyOrder(
                        "Muscle length: One-joint hip flexors (iliopsoas), left",
                        "Muscle length: One-joint hip flexors (iliopsoas), right");

        JsonNode withoutBreathing = JSON.readTree(
                Requests.ARTICLE_DESK_WORKER.replace("\"breathing\": { \"upperChestDominant\": true },", ""));
        assertThat(AmendmentDiff.between(KB, v1, withoutBreathing))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.before()).isEqualTo("yes");
                    assertThat(c.after()).isEqualTo(AmendmentDiff.NOT_RECORDED);
                });
    }

    @Test
    void aSymptomReadsAsAClinicianWritesIt() throws Exception {
        List<RequestFields.Field> fields = RequestFields.of(KB, JSON.readTree(Requests.ARTICLE_DESK_WORKER));

        assertThat(fields)
                .filteredOn(f -> f.group() == RequestFields.Group.SYMPTOM)
                .singleElement()
                .extracting(RequestFields.Field::value)
                .isEqualTo("Low back tightness during exercise, Pain now (NRS) 4/10, Duration 10 weeks");
        assertThat(fields).noneMatch(f -> f.value().equals(AmendmentDiff.NOT_RECORDED));
    }
}
