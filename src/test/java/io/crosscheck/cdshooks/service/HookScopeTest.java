package io.crosscheck.cdshooks.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;

/** Which hook calls get cards: a physiotherapy encounter by its type or service type, or a call asking for the screen. */
class HookScopeTest {

    static final List<String> CODES =
            List.of("http://terminology.hl7.org/CodeSystem/service-type|65", "http://snomed.info/sct|91251008");

    @Test
    void anEncounterIsAPhysiotherapyEncounterByItsServiceTypeOrItsTypeAndNothingElse() {
        Encounter byService = new Encounter()
                .setServiceType(new CodeableConcept(
                        new Coding("http://terminology.hl7.org/CodeSystem/service-type", "65", null)));
        Encounter byType = new Encounter();
        byType.addType(new CodeableConcept(new Coding("http://snomed.info/sct", "91251008", null)));
        Encounter gp = new Encounter()
                .setServiceType(new CodeableConcept(
                        new Coding("http://terminology.hl7.org/CodeSystem/service-type", "124", null)));
        Encounter sameCodeOtherSystem = new Encounter()
                .setServiceType(new CodeableConcept(new Coding("http://example.org/local-types", "65", null)));

        assertThat(HookScope.physiotherapy(byService, CODES)).isTrue();
        assertThat(HookScope.physiotherapy(byType, CODES)).isTrue();
        assertThat(HookScope.physiotherapy(gp, CODES)).isFalse();
        assertThat(HookScope.physiotherapy(sameCodeOtherSystem, CODES)).isFalse();
    }

    @Test
    void aCallAskingForTheScreenGetsCardsAndOneWithoutAnEncounterSaysWhyItGetsNone() {
        HookRequest asked = new HookRequest("patient-view", "i", "p", null, null, null, null, true);
        HookRequest plain = new HookRequest("patient-view", "i", "p", null, null, null, null, false);

        assertThat(HookScope.of(asked, null, CODES, List.of()).inScope()).isTrue();
        HookScope none = HookScope.of(plain, null, CODES, List.of("no encounter in the hook's context"));
        assertThat(none.inScope()).isFalse();
        assertThat(none.why()).isEqualTo("no encounter in the hook's context");
    }
}
