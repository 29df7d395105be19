package io.crosscheck.cdshooks.service;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;

/**
 * Whether a hook call is one Crosscheck answers with cards: a physiotherapy encounter (the encounter in context has a
 * {@code type} or {@code serviceType} coding listed in {@code crosscheck.ehr.scope.physiotherapy-encounter-codes}), or a
 * call that asks for the screen (request extension {@value HookRequest#SCREEN_REQUESTED}). Any other chart open (a
 * dermatology visit, a nurse opening the chart) gets no card and nothing is read beyond the encounter. Pure.
 *
 * @param inScope whether cards may be given
 * @param why what decided it, for the response's extension
 */
record HookScope(boolean inScope, String why) {

    static HookScope of(HookRequest request, Encounter encounter, List<String> codes, List<String> notFound) {
        if (request.screenRequested()) {
            return new HookScope(true, "the call asked for the screen (" + HookRequest.SCREEN_REQUESTED + ")");
        }
        if (encounter != null && physiotherapy(encounter, codes)) {
            return new HookScope(true, "a physiotherapy encounter");
        }
        return new HookScope(
                false,
                encounter != null
                        ? "not a physiotherapy encounter (its type and service type name none of the configured codes)"
                        : String.join("; ", notFound));
    }

    static boolean physiotherapy(Encounter e, List<String> codes) {
        List<CodeableConcept> concepts = new java.util.ArrayList<>(e.getType());
        if (e.hasServiceType()) {
            concepts.add(e.getServiceType());
        }
        for (CodeableConcept cc : concepts) {
            for (Coding c : cc.getCoding()) {
                if (codes.contains(c.getSystem() + "|" + c.getCode())) {
                    return true;
                }
            }
        }
        return false;
    }
}
