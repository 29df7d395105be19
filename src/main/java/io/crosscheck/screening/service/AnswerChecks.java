package io.crosscheck.screening.service;

import io.crosscheck.common.problem.FieldError;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.screening.model.Answers;
import io.crosscheck.screening.model.ScreeningRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer sections of a request checked against a knowledge base's inputs: sections and fields it does
 * not define, values of the wrong type (a 400, as for the rest of the body) and values out of range,
 * unknown options, required inputs missing and broken checks between inputs (422).
 */
final class AnswerChecks {

    private AnswerChecks() {}

    record Result(List<FieldError> wrongType, List<FieldError> invalid, Map<String, Map<String, Object>> sent) {
        boolean ok() {
            return wrongType.isEmpty() && invalid.isEmpty();
        }

        int status() {
            return wrongType.isEmpty() ? 422 : 400;
        }

        List<FieldError> all() {
            List<FieldError> all = new ArrayList<>(wrongType);
            all.addAll(invalid);
            return all;
        }
    }

    static Result check(ScreeningRequest request, InputCatalog inputs) {
        List<FieldError> wrongType = new ArrayList<>();
        List<FieldError> invalid = new ArrayList<>();
        Map<String, Map<String, Object>> sent = new LinkedHashMap<>();
        for (Map.Entry<String, Answers> s : request.answerSections().entrySet()) {
            String pointer = "/" + s.getKey();
            if (inputs.section(s.getKey()).isEmpty()) {
                wrongType.add(new FieldError(pointer, "unknown field"));
            } else if (s.getValue().wrongShape()) {
                wrongType.add(new FieldError(pointer, "expected an object"));
            } else {
                sent.put(s.getKey(), s.getValue().values());
            }
        }
        for (InputCatalog.InputProblem p : inputs.validate(sent)) {
            FieldError e = new FieldError(p.pointer(), p.message(), p.rejected());
            (p.wrongType() ? wrongType : invalid).add(e);
        }
        return new Result(wrongType, invalid, sent);
    }
}
