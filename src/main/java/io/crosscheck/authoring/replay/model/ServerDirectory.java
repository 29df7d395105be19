package io.crosscheck.authoring.replay.model;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A path naming an existing directory on the server (null is valid: use {@code @NotBlank} to require it). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ReplayConstraints.ServerDirectoryValidator.class)
public @interface ServerDirectory {
    String message() default "is not a directory on the server";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
