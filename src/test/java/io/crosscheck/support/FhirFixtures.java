package io.crosscheck.support;

import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.CrosscheckCodes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The source article's desk worker ({@link Requests#ARTICLE_DESK_WORKER}) as an EHR would hold her in
 * FHIR R4: a Patient, Observations coded with the Crosscheck code system (one with SNOMED CT), the
 * red-flag answers as a QuestionnaireResponse, and an Observation Crosscheck does not read (heart rate).
 */
public final class FhirFixtures {

    public static final String PATIENT_ID = "1288992";
    public static final List<String> LOW_BACK_RED_FLAGS = List.of(
            "bladder_dysfunction",
            "bowel_incontinence",
            "saddle_anaesthesia",
            "bilateral_leg_symptoms",
            "progressive_leg_weakness",
            "history_of_cancer",
            "unexplained_weight_loss",
            "persistent_night_pain",
            "no_improvement_one_month",
            "pain_multiple_sites",
            "fever_chills",
            "immunosuppression",
            "iv_drug_use",
            "recent_bacterial_infection",
            "penetrating_wound",
            "major_trauma",
            "minor_trauma_with_bone_risk",
            "structural_deformity",
            "severe_central_pain_eased_lying",
            "suspected_axial_spondyloarthritis");

    private FhirFixtures() {}

    public static Patient patient() {
        Patient p = new Patient();
        p.setId(PATIENT_ID);
        p.setGender(Enumerations.AdministrativeGender.FEMALE);
        LocalDate born = LocalDate.now().minusYears(34).minusDays(20);
        p.setBirthDateElement(new DateType(born.toString()));
        return p;
    }

    static CodeableConcept cc(String code) {
        return new CodeableConcept(new Coding(CrosscheckCodes.SYSTEM, code, null));
    }

    static Observation obs(String code) {
        Observation o = new Observation();
        o.setStatus(Observation.ObservationStatus.FINAL);
        o.setCode(cc(code));
        o.setSubject(new Reference("Patient/" + PATIENT_ID));
        return o;
    }

    static Observation side(Observation o, String side) {
        o.addComponent().setCode(cc("side")).setValue(cc("side." + side));
        return o;
    }

    /** The article's assessment findings (no red-flag answers). */
    public static List<Observation> findings() {
        List<Observation> out = new ArrayList<>();
        out.add(obs("posture.anterior_pelvic_tilt").setValue(new BooleanType(true)));
        for (String[] s : new String[][] {{"left", "12"}, {"right", "9"}}) {
            Observation o = obs("muscle.iliopsoas");
            o.setValue(new Quantity()
                    .setValue(Double.parseDouble(s[1]))
                    .setUnit("deg")
                    .setSystem(CrosscheckCodes.UCUM)
                    .setCode("deg"));
            o.addInterpretation(cc("result.short"));
            out.add(side(o, s[0]));
        }
        Observation phe = obs("movement.prone_hip_extension");
        phe.addInterpretation(cc("result.abnormal"));
        phe.addComponent().setCode(cc("substitution")).setValue(cc("substitution.gluteus_maximus_delayed"));
        out.add(side(phe, "left"));
        out.add(obs("breathing.upper_chest_dominant").setValue(new BooleanType(true)));
        Observation symptom = obs("symptom");
        symptom.setBodySite(cc("region.low_back"));
        symptom.setValue(cc("symptom-kind.tightness"));
        symptom.addComponent().setCode(cc("trigger")).setValue(cc("trigger.exercise"));
        symptom.addComponent().setCode(cc("pain-nrs")).setValue(new IntegerType(4));
        symptom.addComponent().setCode(cc("duration-weeks")).setValue(new IntegerType(10));
        out.add(symptom);
        out.add(obs("lifestyle.sitting_hours_per_day")
                .setValue(new Quantity()
                        .setValue(9)
                        .setUnit("h/d")
                        .setSystem(CrosscheckCodes.UCUM)
                        .setCode("h/d")));
        out.add(obs("lifestyle.activity_level").setValue(cc("activity-level.moderate")));
        Observation anxiety = new Observation();
        anxiety.setStatus(Observation.ObservationStatus.FINAL);
        anxiety.setCode(new CodeableConcept(new Coding(CrosscheckCodes.SNOMED, "48694002", "Anxiety")));
        anxiety.setValue(new BooleanType(true));
        out.add(anxiety);
        // read by no rule: skipped and listed in CDS Hooks, 422 on the strict REST API
        Observation heartRate = new Observation();
        heartRate.setStatus(Observation.ObservationStatus.FINAL);
        heartRate.setCode(new CodeableConcept(new Coding("http://loinc.org", "8867-4", "Heart rate")));
        heartRate.setValue(new Quantity()
                .setValue(72)
                .setUnit("/min")
                .setSystem(CrosscheckCodes.UCUM)
                .setCode("/min"));
        out.add(heartRate);
        return out;
    }

    /**
     * The article client's health-screen answers (as in {@link Requests#ARTICLE_DESK_WORKER}) as a
     * QuestionnaireResponse: every applicable question answered, none yes; Beighton score 1.
     */
    public static QuestionnaireResponse healthAnswers() {
        QuestionnaireResponse q = new QuestionnaireResponse();
        q.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        q.setSubject(new Reference("Patient/" + PATIENT_ID));
        for (String code : List.of(
                "cardiovascular.chest_pain_at_rest",
                "cardiovascular.exertional_chest_pain",
                "cardiovascular.breathless_mild_exertion",
                "cardiovascular.syncope",
                "cardiovascular.palpitations",
                "cardiovascular.ankle_oedema",
                "cardiovascular.intermittent_claudication",
                "cardiovascular.known_heart_condition",
                "cardiovascular.medically_supervised_only",
                "pregnancy.pregnant",
                "pregnancy.postpartum",
                "boneHealth.long_term_corticosteroids",
                "surgery.recent_surgery",
                "inflammatory.long_back_pain_before_45")) {
            q.addItem().setLinkId(code).addAnswer().setValue(new BooleanType(false));
        }
        q.addItem().setLinkId("hypermobility.beighton_score").addAnswer().setValue(new IntegerType(1));
        return q;
    }

    /** The red-flag questions answered as a QuestionnaireResponse; {@code yes} lists those answered yes. */
    public static QuestionnaireResponse redFlagAnswers(List<String> codes, List<String> yes) {
        QuestionnaireResponse q = new QuestionnaireResponse();
        q.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        q.setSubject(new Reference("Patient/" + PATIENT_ID));
        for (String code : codes) {
            q.addItem().setLinkId("red-flag." + code).addAnswer().setValue(new BooleanType(yes.contains(code)));
        }
        return q;
    }

    public static Bundle searchset(List<? extends Resource> resources) {
        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.SEARCHSET);
        b.setTotal(resources.size());
        resources.forEach(r -> b.addEntry().setResource(r));
        return b;
    }

    public static String json(Resource r) {
        return FhirSupport.r4().newJsonParser().encodeResourceToString(r);
    }

    /**
     * A CDS Hooks 2.0 patient-view request as in the specification's example, with Crosscheck's prefetch keys, asking
     * for the screen (extension {@code io.crosscheck.screen-requested}: no encounter decides whether it gets cards).
     */
    public static String patientViewRequest(
            String hookInstance,
            String fhirServer,
            String patient,
            String observations,
            String conditions,
            String questionnaireResponses) {
        return """
                {
                  "hookInstance": "%s",
                  "fhirServer": "%s",
                  "hook": "patient-view",
                  "extension": {"io.crosscheck.screen-requested": true},
                  "fhirAuthorization": {
                    "access_token": "some-opaque-fhir-access-token",
                    "token_type": "Bearer",
                    "expires_in": 300,
                    "scope": "user/Patient.read user/Observation.read",
                    "subject": "cds-service4"
                  },
                  "context": {
                    "userId": "Practitioner/example",
                    "patientId": "%s"
                  },
                  "prefetch": {
                    "patient": %s,
                    "observations": %s,
                    "conditions": %s,
                    "questionnaireResponses": %s
                  }
                }
                """.formatted(
                hookInstance, fhirServer, PATIENT_ID, patient, observations, conditions, questionnaireResponses);
    }

    /** The whole article client prefetched; red flags answered as given. */
    public static String articlePatientView(String hookInstance, List<String> answered, List<String> yes) {
        return patientViewRequest(
                hookInstance,
                "http://hooks.smarthealthit.org:9080",
                json(patient()),
                json(searchset(findings())),
                json(searchset(List.of())),
                json(searchset(answered.isEmpty() ? List.of() : List.of(redFlagAnswers(answered, yes)))));
    }
}
