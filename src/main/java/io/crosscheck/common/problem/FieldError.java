package io.crosscheck.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One bad field: a JSON pointer into the request ({@code /symptoms/0/nrs}), why it is bad and,
 * where it helps, the rejected value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, Object rejectedValue) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }
}
