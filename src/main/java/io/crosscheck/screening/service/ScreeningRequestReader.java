package io.crosscheck.screening.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.json.JsonBodyReader;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.model.ScreeningRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.util.function.Supplier;

/**
 * Reads screening request bodies: every wrong type, unknown field and broken constraint, by JSON pointer.
 * The codes, units and answer sections are checked against the knowledge base in service (its vocabulary and
 * {@code rules/reference/inputs.yaml}) in the same pass, so one response names every bad field; the evaluation
 * checks them again against the knowledge base it runs on ({@link InputFactMapper}).
 */
@Singleton
public class ScreeningRequestReader extends JsonBodyReader<ScreeningRequest> {

    private final Supplier<ReferenceData> reference;

    /** A reader that leaves the answer sections to the evaluation (code that runs without the service). */
    public ScreeningRequestReader(ObjectMapper mapper, Validator validator) {
        this(mapper, validator, (Supplier<ReferenceData>) null);
    }

    /** A reader that checks the request against the vocabulary and inputs of {@code reference} too. */
    public ScreeningRequestReader(ObjectMapper mapper, Validator validator, Supplier<ReferenceData> reference) {
        super(ScreeningRequest.class, mapper, validator);
        this.reference = reference;
    }

    /**
     * The service's reader: the current knowledge base's inputs (looked up lazily: the knowledge base service needs
     * an evaluator). Before one serves (start-up validating its first version) the evaluation's check alone applies.
     */
    @Inject
    ScreeningRequestReader(ObjectMapper mapper, Validator validator, Instance<KnowledgeBaseService> knowledgeBases) {
        this(mapper, validator, () -> {
            KnowledgeBaseService service = knowledgeBases.get();
            return service.loaded() ? service.current().reference() : null;
        });
    }

    @Override
    protected Checked check(ScreeningRequest request) {
        ReferenceData serving = reference == null ? null : reference.get();
        return serving == null ? Checked.NONE : InputFactMapper.problems(request, serving);
    }
}
