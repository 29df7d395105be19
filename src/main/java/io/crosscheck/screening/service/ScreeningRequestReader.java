package io.crosscheck.screening.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crosscheck.common.json.JsonBodyReader;
import io.crosscheck.common.problem.FieldError;
import io.crosscheck.common.time.ClinicConfig;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.knowledge.service.KnowledgeBaseService;
import io.crosscheck.screening.model.ScreeningRequest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    /** The service's clock, against which a visit in the future is refused; null: no such check (stored requests). */
    private final Supplier<Instant> clock;

    private final Duration visitTolerance;

    /** A reader that leaves the answer sections to the evaluation (code that runs without the service). */
    public ScreeningRequestReader(ObjectMapper mapper, Validator validator) {
        this(mapper, validator, (Supplier<ReferenceData>) null);
    }

    /** A reader that checks the request against the vocabulary and inputs of {@code reference} too. */
    public ScreeningRequestReader(ObjectMapper mapper, Validator validator, Supplier<ReferenceData> reference) {
        this(mapper, validator, reference, null, Duration.ZERO);
    }

    private ScreeningRequestReader(
            ObjectMapper mapper,
            Validator validator,
            Supplier<ReferenceData> reference,
            Supplier<Instant> clock,
            Duration visitTolerance) {
        super(ScreeningRequest.class, mapper, validator);
        this.reference = reference;
        this.clock = clock;
        this.visitTolerance = visitTolerance;
    }

    /**
     * The service's reader: the current knowledge base's inputs (looked up lazily: the knowledge base service needs
     * an evaluator). Before one serves (start-up validating its first version) the evaluation's check alone applies.
     */
    @Inject
    ScreeningRequestReader(
            ObjectMapper mapper,
            Validator validator,
            Instance<KnowledgeBaseService> knowledgeBases,
            ClinicConfig clinic) {
        this(
                mapper,
                validator,
                () -> {
                    KnowledgeBaseService service = knowledgeBases.get();
                    return service.loaded() ? service.current().reference() : null;
                },
                Instant::now,
                clinic.visitClockTolerance());
    }

    @Override
    protected Checked check(ScreeningRequest request) {
        ReferenceData serving = reference == null ? null : reference.get();
        Checked answers = serving == null ? Checked.NONE : InputFactMapper.problems(request, serving);
        List<FieldError> visit =
                VisitChecks.problems(request.visit(), clock == null ? null : clock.get(), visitTolerance);
        if (visit.isEmpty()) {
            return answers;
        }
        List<FieldError> invalid = new ArrayList<>(answers.invalid());
        invalid.addAll(visit);
        return new Checked(answers.wrongType(), invalid);
    }
}
