package io.crosscheck.common.problem;

import java.util.List;

/**
 * A client's request is wrong. {@code 400} when it is not readable JSON of the expected shape,
 * {@code 422} when it is well-formed but names unknown codes or out-of-range values.
 */
public class InvalidRequestException extends RuntimeException {
    private final int status;
    private final transient List<FieldError> errors;

    public InvalidRequestException(int status, List<FieldError> errors) {
        super(errors.size() + " invalid field(s)");
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Problem toProblem() {
        return Problem.invalid(status == 400 ? "Malformed request" : "Invalid request", status, errors);
    }
}
