package io.crosscheck.authoring.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule placed before the stage that concludes what it needs is told why it can never fire. */
class StageOrderCheckTest {

    private static final String HEAD = """
            package rules.x;
            import io.crosscheck.engine.facts.*;
            global io.crosscheck.engine.ReferenceIndex reference;

            """;

    /** Grades UCS in the patterns stage, and concludes forward_head there too (a misplaced finding rule). */
    private static final String PRODUCERS = HEAD + """
            rule "PAT-901: grade"
                @id("PAT-901")
                ruleflow-group "patterns"
            when
                $d : PatternDefinition( code == "UCS" ) from reference.pattern( "UCS" )
            then
                insert( PatternConclusion.grade( $d, null, true ) );
            end

            rule "UCS-901: forward head, concluded late"
                @id("UCS-901")
                ruleflow-group "patterns"
            when
                $o : PostureObservation( code == "forward_head" )
                $finding : FindingDefinition( code == "forward_head" ) from reference.finding( "forward_head" )
            then
                insert( new Finding( $finding, null ) );
            end

            rule "UCS-902: rounded shoulders, concluded in time"
                @id("UCS-902")
                ruleflow-group "findings"
            when
                $o : PostureObservation( code == "rounded_shoulders" )
                $finding : FindingDefinition( code == "rounded_shoulders" ) from reference.finding( "rounded_shoulders" )
            then
                insert( new Finding( $finding, null ) );
            end
            """;

    private static List<String> check(String consumers) {
        return LintFixture.referenceDataOnly()
                .put("rules/x/producers.drl", PRODUCERS)
                .put("rules/x/consumers.drl", HEAD + consumers)
                .run((subject, problems) -> StageOrderCheck.check(subject.rules(), problems));
    }

    @Test
    void aRuleThatNeedsAConclusionOfALaterStageIsToldWhichStageAndRuleConcludeIt() {
        assertThat(check("""
                rule "INT-901: acts on a pattern before patterns are graded"
                    @id("INT-901")
                    ruleflow-group "findings"
                when
                    $c : PatternConclusion( pattern == "UCS", consistent )
                then
                end
                """))
                .containsExactly("rules/x/consumers.drl:9:5: rule INT-901 in stage findings needs PatternConclusion"
                        + " \"UCS\", which is first concluded in stage patterns (later; by PAT-901): the stages"
                        + " run safety -> findings -> patterns -> plan -> gate and never go back, so the rule can never"
                        + " fire; move it to stage patterns or after, or conclude PatternConclusion \"UCS\" by"
                        + " stage findings");
    }

    @Test
    void aFindingCodeConcludedLaterIsNamedEvenWhenOtherFindingsComeInTime() {
        assertThat(check("""
                rule "CON-901: forward head in the findings stage"
                    @id("CON-901")
                    ruleflow-group "findings"
                when
                    exists Finding( code == "forward_head" )
                then
                end
                """))
                .singleElement()
                .asString()
                .startsWith("rules/x/consumers.drl:9:12: rule CON-901 in stage findings needs Finding \"forward_head\","
                        + " which is first concluded in stage patterns (later; by UCS-901)");
    }

    @Test
    void whatALaterStageNeedsWhatANegationOrAnAlternativeMentionsAndInputsAreNotReported() {
        assertThat(check("""
                rule "INT-902: in the plan, after the patterns"
                    @id("INT-902")
                    ruleflow-group "plan"
                when
                    $c : PatternConclusion( pattern == "UCS" )
                    $f : Finding( code == "forward_head" )
                then
                end

                rule "CON-902: a negation or an alternative is not a need"
                    @id("CON-902")
                    ruleflow-group "findings"
                when
                    not Finding( code == "forward_head" )
                    ( PatternConclusion() or PostureObservation( code == "forward_head" ) )
                    $r : Finding( code == "rounded_shoulders" )
                then
                end

                rule "SAF-902: inputs are there from the start"
                    @id("SAF-902")
                    ruleflow-group "safety"
                when
                    $o : PostureObservation( code == "forward_head" )
                    $n : Number( intValue > 1 ) from accumulate( Finding(), count( 1 ) )
                then
                end
                """)).isEmpty();
    }
}
