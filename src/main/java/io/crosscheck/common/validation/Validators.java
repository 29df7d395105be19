package io.crosscheck.common.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/**
 * Bean Validation for code that runs without Quarkus (CLIs, tests, benchmarks). The service injects
 * the Quarkus-managed {@link Validator}; both validate the same annotated models with the same
 * provider (Hibernate Validator), so a request is accepted or rejected identically.
 */
public final class Validators {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    private Validators() {}

    public static Validator standalone() {
        return FACTORY.getValidator();
    }
}
