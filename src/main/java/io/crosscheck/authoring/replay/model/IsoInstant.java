package io.crosscheck.authoring.replay.model;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISO-8601 instant such as {@code 2025-01-31T00:00:00Z} (null is valid). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ReplayConstraints.IsoInstantValidator.class)
public @interface IsoInstant {
    String message() default "must be an ISO-8601 instant such as 2025-01-31T00:00:00Z";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
