package io.crosscheck.common.validation;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.problem.InvalidRequestException;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one check of free text ({@link PlainText}): Bean Validation calls it for annotated fields, and services
 * that read a field by hand call {@link #check} with the field's JSON pointer. Both refuse the same characters.
 */
public class PlainTextValidator implements ConstraintValidator<PlainText, CharSequence> {

    /** What plain text is, as a refused field's message says it. */
    public static final String RULE = "must be plain text: no control characters other than tab and line breaks, "
            + "no unpaired surrogates, no bidirectional embedding, override or isolate characters "
            + "(U+202A to U+202E, U+2066 to U+2069)";

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || firstRefused(value) < 0;
    }

    /** True when {@code value} is null or plain text. */
    public static boolean isPlain(CharSequence value) {
        return value == null || firstRefused(value) < 0;
    }

    /**
     * Adds a 400-class problem naming {@code field} (a JSON pointer) and the first refused character (by code, never
     * the text) to {@code errors} when {@code value} is not plain text; true when it was plain (or null).
     */
    public static boolean check(List<FieldError> errors, String field, CharSequence value) {
        if (value == null) {
            return true;
        }
        int at = firstRefused(value);
        if (at < 0) {
            return true;
        }
        errors.add(new FieldError(
                field,
                RULE + "; found U+" + String.format(Locale.ROOT, "%04X", (int) value.charAt(at)) + " at character "
                        + (at + 1)));
        return false;
    }

    /** Throws a 400 naming {@code field} when {@code value} is not plain text (see {@link #check}). */
    public static void require(String field, CharSequence value) {
        List<FieldError> errors = new ArrayList<>();
        if (!check(errors, field, value)) {
            throw new InvalidRequestException(400, errors);
        }
    }

    /** The index of the first refused char (of an unpaired surrogate: the surrogate), or -1. */
    public static int firstRefused(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c) || refused(c)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean refused(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        return (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
