package io.crosscheck.engine.drl;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosscheck.engine.KnowledgeProblem;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A rule cannot reach a visit's notes: the request's visit is not a type a rule may name, and no type of the fact model
 * has a member that holds them.
 */
class NotesOutOfReachOfRulesTest {

    @Test
    void aRuleNamingTheRequestsVisitOrItsNotesIsRefused() {
        assertThat(problems("$v : io.crosscheck.screening.model.Visit()"))
                .singleElement()
                .asString()
                .contains("'io.crosscheck.screening.model.Visit' is not allowed here: it is not a type of");
        assertThat(problems("$n : io.crosscheck.screening.model.Visit.Notes( subjective != null )"))
                .isNotEmpty();
        assertThat(problems("$c : CareEpisode( notes != null )"))
                .singleElement()
                .asString()
                .contains("CareEpisode has no field or method 'notes'");
    }

    @Test
    void noTypeOfTheFactModelHasAMemberForNotes() {
        for (Class<?> type : FactModel.FACTS) {
            for (Method m : type.getMethods()) {
                assertThat(m.getName())
                        .as(type.getSimpleName() + "." + m.getName())
                        .isNotIn(
                                "getNotes",
                                "getVisit",
                                "getOccupation",
                                "getSubjective",
                                "getGoals",
                                "getTreatment",
                                "notes",
                                "visit");
            }
        }
    }

    private static List<KnowledgeProblem> problems(String when) {
        return DrlAllowList.check("rules/plan/x.drl", """
                package rules.plan;
                import io.crosscheck.engine.facts.*;
                rule "X-001"
                    @id("X-001")
                when
                %s
                then
                end
                """.formatted(when.indent(4)));
    }
}
