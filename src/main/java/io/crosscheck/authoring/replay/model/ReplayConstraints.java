package io.crosscheck.authoring.replay.model;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Validators of the replay request's constraints. */
public final class ReplayConstraints {

    private ReplayConstraints() {}

    public static final class IsoInstantValidator implements ConstraintValidator<IsoInstant, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || parse(value) != null;
        }
    }

    public static final class FromBeforeToValidator
            implements ConstraintValidator<ReplayRequest.FromBeforeTo, ReplayRequest> {
        @Override
        public boolean isValid(ReplayRequest r, ConstraintValidatorContext context) {
            Instant from = r.from() == null ? null : parse(r.from());
            Instant to = r.to() == null ? null : parse(r.to());
            if (from == null || to == null || from.isBefore(to)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("from")
                    .addConstraintViolation();
            return false;
        }
    }

    private static Instant parse(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
