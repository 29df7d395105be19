package io.crosscheck.screening.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.json.JsonBodyReader;
import io.crosscheck.screening.model.ScreeningRequest;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

/** Reads screening request bodies: every wrong type, unknown field and broken constraint, by JSON pointer. */
@Singleton
public class ScreeningRequestReader extends JsonBodyReader<ScreeningRequest> {

    public ScreeningRequestReader(ObjectMapper mapper, Validator validator) {
        super(ScreeningRequest.class, mapper, validator);
    }
}
