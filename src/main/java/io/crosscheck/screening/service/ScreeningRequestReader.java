package io.crosscheck.screening.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.json.JsonBodyReader;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.model.ScreeningRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;

import java.util.function.Supplier;

/**
 * Reads screening request bodies: every wrong type, unknown field and broken constraint, by JSON pointer.
 * The answer sections are checked against the inputs of the knowledge base in service
 * ({@code rules/reference/inputs.yaml}), so one response names every bad field; the evaluation checks them
 * again against the knowledge base it runs on ({@link InputFactMapper}).
 */
@Singleton
public class ScreeningRequestReader extends JsonBodyReader<ScreeningRequest> {

    private final Supplier<InputCatalog> inputs;

    /** A reader that leaves the answer sections to the evaluation (code that runs without the service). */
    public ScreeningRequestReader(ObjectMapper mapper, Validator validator) {
        this(mapper, validator, (Supplier<InputCatalog>) null);
    }

    public ScreeningRequestReader(ObjectMapper mapper, Validator validator, Supplier<InputCatalog> inputs) {
        super(ScreeningRequest.class, mapper, validator);
        this.inputs = inputs;
    }

    /** The service's reader: the current knowledge base's inputs (looked up lazily: the knowledge base service needs an evaluator). */
    @Inject
    ScreeningRequestReader(ObjectMapper mapper, Validator validator, Instance<KnowledgeBaseService> knowledgeBases) {
        this(mapper, validator, () -> knowledgeBases.get().current().reference().inputs());
    }

    @Override
    protected Checked check(ScreeningRequest request) {
        if (inputs == null) {
            return Checked.NONE;
        }
        AnswerChecks.Result r = AnswerChecks.check(request, inputs.get());
        return new Checked(r.wrongType(), r.invalid());
    }
}
