package io.crosscheck.engine.drl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.junit.jupiter.api.Test;

/** Rules located by Drools' parser, and one rule switched off with the enabled attribute and nothing else changed. */
class RuleTextsTest {

    static final String DRL = """
            package rules.plan;

            import io.crosscheck.engine.facts.*;

            rule "PRE-801: First"
                @id("PRE-801") @version("1")
                ruleflow-group "plan"
            when
                $c : Contributor( code == "anxiety" )
            then
                insert( new Precaution( "breathe", "breathe out on effort" ) );
            end

            rule "PRE-802: Second, already with an enabled attribute"
                @id("PRE-802")
                ruleflow-group "plan" enabled true
            when
                $c : Contributor()
            then
            end

            rule "PRE-803: Third, without attributes"
                @id("PRE-803")
            when
                $c : Contributor()
            then
            end
            """;

    private static RuleDescr rule(String text, String id) {
        PackageDescr pkg = DrlFiles.parsePackage("x.drl", text, new ArrayList<>());
        assertThat(pkg).as(text).isNotNull();
        return pkg.getRules().stream()
                .filter(r -> id.equals(DrlFiles.annotation(r, "id")))
                .findFirst()
                .orElseThrow();
    }

    private static String enabled(String text, String id) {
        var a = rule(text, id).getAttributes().get(RuleTexts.ENABLED);
        return a == null ? null : a.getValue();
    }

    @Test
    void eachRuleIsFoundWithItsIdStageLineAndExtent() {
        List<RuleTexts.RuleText> rules = RuleTexts.rules("x.drl", DRL, new ArrayList<>());
        assertThat(rules).extracting(RuleTexts.RuleText::id).containsExactly("PRE-801", "PRE-802", "PRE-803");
        assertThat(rules.get(0).stage()).isEqualTo("plan");
        assertThat(rules.get(2).stage()).isNull();
        assertThat(rules.get(0).line()).isEqualTo(5);
        assertThat(DRL.substring(rules.get(0).start(), rules.get(0).end()))
                .startsWith("rule \"PRE-801")
                .endsWith("end");
    }

    @Test
    void aRuleIsSwitchedOffAfterItsLastAttributeAndTheOthersStayAsTheyWere() {
        String off = RuleTexts.disabled(DRL, "PRE-801").orElseThrow();
        assertThat(enabled(off, "PRE-801")).isEqualTo("false");
        assertThat(enabled(off, "PRE-802")).isEqualTo("true");
        assertThat(enabled(off, "PRE-803")).isNull();
        assertThat(off.replace("\n    enabled false", "")).isEqualTo(DRL);
        assertThat(DrlAllowList.check("x.drl", off)).isEmpty();
    }

    @Test
    void anEnabledAttributeIsSetToFalseAndARuleWithoutAttributesGetsOneBeforeWhen() {
        assertThat(enabled(RuleTexts.disabled(DRL, "PRE-802").orElseThrow(), "PRE-802"))
                .isEqualTo("false");
        String off = RuleTexts.disabled(DRL, "PRE-803").orElseThrow();
        assertThat(enabled(off, "PRE-803")).isEqualTo("false");
        assertThat(enabled(off, "PRE-801")).isNull();
    }

    @Test
    void anIdNoRuleHasChangesNothing() {
        assertThat(RuleTexts.disabled(DRL, "PRE-999")).isEmpty();
    }
}
