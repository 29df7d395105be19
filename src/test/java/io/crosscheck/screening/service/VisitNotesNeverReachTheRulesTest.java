package io.crosscheck.screening.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.engine.facts.CareEpisode;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.screening.model.ScreeningRequest;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.support.Requests;
import io.crosscheck.support.RuleHarness;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A visit's notes are free text the rules never read: the facts of a screening with notes are the facts of the same
 * screening without them, no fact carries a word of them, and the result is the same. The visit's date and care start
 * are read, and only as the days in care.
 */
class VisitNotesNeverReachTheRulesTest {

    private static final String CANARY = "NoteCanaryQz81";
    private static final RuleHarness RULES = RuleHarness.shipped();

    private static String withVisit(String visit) throws Exception {
        ObjectNode request = (ObjectNode) RuleHarness.JSON.readTree(Requests.ARTICLE_DESK_WORKER);
        request.set("visit", RuleHarness.JSON.readTree(visit));
        return RuleHarness.JSON.writeValueAsString(request);
    }

    private static final String NOTES = """
            {"at": "2026-12-01T10:00:00Z",
             "notes": {"occupation": "Accountant %1$s", "subjective": "Worse after long meetings %1$s; cancer?",
                       "goals": "Run 5 km %1$s", "treatment": "Hip flexor stretch taught %1$s"}}
            """.formatted(CANARY);

    private static List<InputFact> facts(String body) throws Exception {
        ScreeningRequest request = RuleHarness.JSON.readValue(body, ScreeningRequest.class);
        return InputFactMapper.map(request, RULES.knowledgeBase().reference());
    }

    /** Everything a rule could read of a fact: its class, its reference, its description and each getter's value. */
    private static List<String> readable(List<InputFact> facts) throws Exception {
        List<String> out = new ArrayList<>();
        for (InputFact f : facts) {
            out.add(f.getClass().getSimpleName() + " " + f.getRef() + " " + f.describe());
            for (Method m : f.getClass().getMethods()) {
                if (m.getParameterCount() == 0
                        && (m.getName().startsWith("get") || m.getName().startsWith("is"))
                        && !m.getName().equals("getClass")) {
                    out.add(f.getClass().getSimpleName() + "." + m.getName() + " = " + m.invoke(f));
                }
            }
        }
        return out;
    }

    @Test
    void theFactsOfAScreeningWithNotesAreTheFactsWithoutThem() throws Exception {
        List<String> with = readable(facts(withVisit(NOTES)));
        List<String> without = readable(facts(withVisit("{\"at\": \"2026-12-01T10:00:00Z\"}")));

        assertThat(with).isEqualTo(without);
        assertThat(String.join("\n", with)).doesNotContain(CANARY).doesNotContain("Accountant");
    }

    @Test
    void theResultOfAScreeningWithNotesIsTheResultWithoutThem() throws Exception {
        ScreeningResult with = RULES.screen(withVisit(NOTES));
        ScreeningResult without = RULES.screen(withVisit("{\"at\": \"2026-12-01T10:00:00Z\"}"));

        JsonNode a = RuleHarness.JSON.valueToTree(with);
        JsonNode b = RuleHarness.JSON.valueToTree(without);
        assertThat(a.toString()).doesNotContain(CANARY);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void theVisitIsReadOnlyAsTheDaysInCare() throws Exception {
        List<InputFact> facts = facts(withVisit("""
                {"at": "2026-12-01T10:00:00+00:00", "inCareSince": "2026-11-03", "notes": {"goals": "%s"}}
                """.formatted(CANARY)));

        List<InputFact> fromVisit =
                facts.stream().filter(f -> f.getRef().startsWith("/visit")).toList();
        assertThat(fromVisit).singleElement().isInstanceOfSatisfying(CareEpisode.class, c -> {
            assertThat(c.getDaysInCare()).isEqualTo(28);
            assertThat(c.getRef()).isEqualTo("/visit/inCareSince");
        });
        assertThat(facts(withVisit("{\"at\": \"2026-12-01T10:00:00Z\"}")))
                .as("a first visit: no care start, no care episode")
                .noneMatch(CareEpisode.class::isInstance);
    }
}
