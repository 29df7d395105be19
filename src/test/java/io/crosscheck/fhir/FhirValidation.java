package io.crosscheck.fhir;

import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.crosscheck.fhir.config.FhirSupport;
import io.crosscheck.fhir.service.FhirProfiles;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI's FHIR instance validator (hapi-fhir-validation 8.8.1 on FHIR core 6.7.9, the core the service
 * runs on) with the R4 structure definitions of hapi-fhir-validation-resources-r4 8.12.1 and Crosscheck's own
 * profiles, loaded from the files the service publishes ({@link FhirProfiles}; their snapshots generated here):
 * structure, cardinality, invariants and required bindings, against the base definitions and every profile a resource
 * declares in {@code meta.profile}. Built once (it is slow to build).
 */
public final class FhirValidation {

    private static FhirValidator validator;

    private FhirValidation() {}

    static synchronized FhirValidator validator() {
        if (validator == null) {
            var ctx = FhirSupport.r4();
            PrePopulatedValidationSupport crosscheck = new PrePopulatedValidationSupport(ctx);
            FhirProfiles.all().forEach(crosscheck::addStructureDefinition);
            ValidationSupportChain chain = new ValidationSupportChain(
                    crosscheck,
                    new DefaultProfileValidationSupport(ctx),
                    new InMemoryTerminologyServerValidationSupport(ctx),
                    new CommonCodeSystemsTerminologyService(ctx),
                    new SnapshotGeneratingValidationSupport(ctx));
            FhirValidator v = ctx.newValidator();
            v.registerValidatorModule(new FhirInstanceValidator(chain));
            validator = v;
        }
        return validator;
    }

    /** The error and fatal messages of validating a resource (JSON). */
    public static List<String> errors(String json) {
        ValidationResult result = validator().validateWithResult(json);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirValidation::describe)
                .toList();
    }

    private static String describe(SingleValidationMessage m) {
        return m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage();
    }
}
