package io.crosscheck.cdshooks.service;

import io.crosscheck.common.problem.Problem;
import jakarta.ws.rs.WebApplicationException;

/** 412: the data a CDS Hooks call needs could not be obtained (or cannot be screened). */
public class PreconditionFailed extends WebApplicationException {
    public PreconditionFailed(String detail) {
        super(Problem.of("data-unobtainable", "Precondition Failed", 412, detail)
                .toResponse());
    }
}
