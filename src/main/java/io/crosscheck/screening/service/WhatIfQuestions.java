package io.crosscheck.screening.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputType;
import io.crosscheck.screening.model.ScreeningResult;
import io.crosscheck.screening.service.WhatIfVariants.Kind;
import io.crosscheck.screening.service.WhatIfVariants.Variant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The question variants of a what-if analysis: each applicable question the red-flag or health screen left
 * unanswered, answered "yes" (in the order the result lists them), and each "yes" given, answered "no" (what a
 * referral may rest on).
 */
final class WhatIfQuestions {

    private final ReferenceData reference;
    private final ObjectNode request;

    WhatIfQuestions(ReferenceData reference, ObjectNode request) {
        this.reference = reference;
        this.request = request;
    }

    /** Each applicable question left unanswered, answered "yes": red flags first, then the health screen. */
    void unanswered(ScreeningResult baseline, List<Variant> out) {
        if (baseline.redFlags() != null && baseline.redFlags().screen() != null) {
            for (ScreeningResult.UnansweredDomain d :
                    nonNull(baseline.redFlags().screen().unanswered())) {
                for (ScreeningResult.Question q : d.questions()) {
                    ObjectNode item = request.objectNode().put("code", q.code()).put("present", true);
                    out.add(variant(
                            Kind.QUESTION,
                            q.code(),
                            q.label(),
                            null,
                            "yes",
                            "red_flags",
                            d.domain(),
                            WhatIfVariants.added(request, "redFlags", item)));
                }
            }
        }
        if (baseline.healthScreen() != null) {
            for (ScreeningResult.UnansweredDomain d :
                    nonNull(baseline.healthScreen().unanswered())) {
                for (ScreeningResult.Question q : d.questions()) {
                    InputDefinition input = reference.inputs().input(q.code()).orElse(null);
                    if (input == null || input.type() != InputType.YES_NO) {
                        continue;
                    }
                    ObjectNode copy = request.deepCopy();
                    WhatIfVariants.section(copy, input.section()).put(input.field(), true);
                    out.add(variant(Kind.QUESTION, q.code(), q.label(), null, "yes", "health", d.domain(), copy));
                }
            }
        }
    }

    /** Each red-flag or yes/no health answer given as "yes", answered "no": what a referral may rest on. */
    void answered(List<Variant> out) {
        for (JsonNode flag : request.path("redFlags")) {
            if (flag.path("present").asBoolean(false)) {
                String code = flag.path("code").asText();
                ObjectNode copy = request.deepCopy();
                ObjectNode item = WhatIfVariants.find(copy, "redFlags", "code", code, null);
                item.put("present", false);
                String label = reference.redFlag(code).map(r -> r.getLabel()).orElse(code);
                out.add(variant(Kind.ANSWER, code, label, null, "no", "red_flags", null, copy));
            }
        }
        for (InputDefinition input : reference.inputs().inputs()) {
            boolean health = reference
                    .inputs()
                    .section(input.section())
                    .map(s -> "health".equals(s.screen()))
                    .orElse(false);
            if (health
                    && input.type() == InputType.YES_NO
                    && request.path(input.section()).path(input.field()).asBoolean(false)) {
                ObjectNode copy = request.deepCopy();
                WhatIfVariants.section(copy, input.section()).put(input.field(), false);
                out.add(variant(Kind.ANSWER, input.code(), input.label(), null, "no", "health", input.section(), copy));
            }
        }
    }

    private Variant variant(
            Kind kind,
            String code,
            String label,
            String side,
            String finding,
            String screen,
            String domain,
            ObjectNode r) {
        return new Variant(kind, code, label, side, finding, screen, domain, Set.of(), r);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return Objects.requireNonNullElse(list, List.of());
    }
}
