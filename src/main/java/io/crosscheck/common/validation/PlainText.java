package io.crosscheck.common.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Free text that is plain text ({@link PlainTextValidator}): no control character other than tab, line feed and
 * carriage return (so no NUL, no other C0 control, no DEL, no C1 control), no unpaired surrogate (a string that
 * is not valid UTF-16), and no bidirectional embedding, override or isolate (U+202A to U+202E, U+2066 to U+2069),
 * which make text display other than it reads. A value breaking it is a 400 naming the field, not a 422: the
 * text is malformed, whatever it says. Null is valid (required-ness is another constraint).
 */
@Documented
@Constraint(validatedBy = PlainTextValidator.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface PlainText {

    String message() default PlainTextValidator.RULE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
