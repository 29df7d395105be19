package io.crosscheck.screening.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.RedFlagDefinition;
import io.crosscheck.engine.input.AppliesTo;
import io.crosscheck.engine.input.Coding;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.engine.input.InputCheck;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputSection;
import io.crosscheck.engine.input.Option;
import io.crosscheck.screening.model.ScreeningRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a client may send: the knowledge base's codes (with labels, units and ranges) plus the
 * constraints on scored fields, read from the request model's Bean Validation metadata so the
 * listing cannot drift from what is enforced.
 */
@ApplicationScoped
public class VocabularyService {

    private final Validator validator;
    /** The request model's constraints do not change at runtime: read them once. */
    private final List<FieldRule> fields;

    VocabularyService(Validator validator) {
        this.validator = validator;
        List<FieldRule> rules = new ArrayList<>();
        describe(ScreeningRequest.class, "", rules);
        this.fields = List.copyOf(rules);
    }

    /** Red flags grouped by domain, as listed to clients. */
    public record RedFlagDomain(String domain, String label, String urgency, List<Vocabulary.Code> flags) {}

    /** A constrained request field: JSON pointer pattern, constraints as attribute maps. */
    public record FieldRule(String field, List<Map<String, Object>> constraints) {}

    /** The full vocabulary document; {@code inputs} is every answer a request's sections may carry (inputs.yaml). */
    public record VocabularyView(
            String knowledgeBaseVersion,
            Vocabulary codes,
            List<RedFlagDomain> redFlags,
            List<FieldRule> fields,
            InputsView inputs) {}

    /** An input as listed to clients: where it is sent (JSON pointer), its type and range or options, and its codings. */
    public record InputView(
            String code,
            String pointer,
            String section,
            String label,
            String type,
            String unit,
            Double min,
            Double max,
            List<Option> options,
            boolean required,
            String appliesTo,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Applicability applicability,
            String crosscheckCode,
            List<Coding> codings,
            String evidence) {
        static InputView of(InputDefinition i) {
            return new InputView(
                    i.code(),
                    i.pointer(),
                    i.section(),
                    i.label(),
                    i.type().code(),
                    i.unit(),
                    i.min(),
                    i.max(),
                    i.options(),
                    i.required(),
                    i.appliesTo().describe(),
                    Applicability.of(i.appliesTo()),
                    i.crosscheckCode(),
                    i.codings(),
                    i.evidence());
        }
    }

    /**
     * Who an input is asked of, as data: an age band, sexes ({@code not_stated}: also when no sex was given),
     * symptom regions, and for a follow-up the yes/no inputs (codes) that must be yes ({@code whenYes}: each;
     * {@code whenAnyYes}: at least one) or that make it asked whatever the rest ({@code orWhenYes}). Null when it is
     * asked of everyone.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Applicability(
            Integer minAge,
            Integer maxAge,
            List<String> sexes,
            List<String> regions,
            List<String> whenYes,
            List<String> whenAnyYes,
            List<String> orWhenYes,
            boolean followUp) {
        static Applicability of(AppliesTo a) {
            if (a.equals(AppliesTo.EVERYONE)) {
                return null;
            }
            return new Applicability(
                    a.minAge(),
                    a.maxAge(),
                    a.sexes(),
                    a.regions(),
                    a.whenYes(),
                    a.whenAnyYes(),
                    a.orWhenYes(),
                    a.isFollowUp());
        }
    }

    /** The answer sections, their inputs and the checks between inputs. */
    public record InputsView(List<InputSection> sections, List<InputView> inputs, List<InputCheck> checks) {}

    public VocabularyView view(KnowledgeBase kb) {
        Map<String, RedFlagDomain> domains = new LinkedHashMap<>();
        for (RedFlagDefinition d : kb.reference().redFlags()) {
            domains.computeIfAbsent(
                            d.getDomain(),
                            k -> new RedFlagDomain(
                                    d.getDomain(),
                                    d.getDomainLabel(),
                                    d.getUrgency().name().toLowerCase(),
                                    new ArrayList<>()))
                    .flags()
                    .add(new Vocabulary.Code(d.getCode(), d.getLabel()));
        }
        InputCatalog inputs = kb.reference().inputs();
        List<FieldRule> all = new ArrayList<>(fields);
        inputs.inputs().forEach(i -> all.add(fieldRule(i)));
        kb.reference()
                .vocabulary()
                .symptoms()
                .numbers()
                .forEach(n -> all.add(new FieldRule(
                        "/symptoms/*/" + n.field(),
                        List.of(
                                Map.of("constraint", "Min", "value", (long) n.min()),
                                Map.of("constraint", "Max", "value", (long) n.max())))));
        return new VocabularyView(
                kb.version(),
                kb.reference().vocabulary(),
                List.copyOf(domains.values()),
                all,
                new InputsView(
                        inputs.sections(),
                        inputs.inputs().stream().map(InputView::of).toList(),
                        inputs.checks()));
    }

    /** An input's constraints in the shape the request model's annotations are listed in (API v1). */
    private static FieldRule fieldRule(InputDefinition i) {
        List<Map<String, Object>> constraints = new ArrayList<>();
        if (i.required()) {
            constraints.add(Map.of("constraint", "NotNull"));
        }
        switch (i.type()) {
            case INTEGER -> {
                constraints.add(Map.of("constraint", "Min", "value", i.min().longValue()));
                constraints.add(Map.of("constraint", "Max", "value", i.max().longValue()));
            }
            case NUMBER -> {
                constraints.add(
                        Map.of("constraint", "DecimalMin", "value", InputDefinition.plain(i.min()), "inclusive", true));
                constraints.add(
                        Map.of("constraint", "DecimalMax", "value", InputDefinition.plain(i.max()), "inclusive", true));
            }
            case CHOICE ->
                constraints.add(Map.of(
                        "constraint",
                        "Pattern",
                        "regexp",
                        String.join("|", i.options().stream().map(Option::code).toList())));
            case YES_NO -> constraints.add(Map.of("constraint", "AssertBoolean"));
        }
        return new FieldRule(i.pointer(), constraints);
    }

    private void describe(Class<?> type, String prefix, List<FieldRule> into) {
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        for (RecordComponent c : type.getRecordComponents()) {
            PropertyDescriptor p = bean.getConstraintsForProperty(c.getName());
            String field = prefix + "/" + c.getName();
            if (p != null && !p.getConstraintDescriptors().isEmpty()) {
                List<Map<String, Object>> constraints = new ArrayList<>();
                for (ConstraintDescriptor<?> d : p.getConstraintDescriptors()) {
                    Map<String, Object> attrs = new LinkedHashMap<>();
                    attrs.put("constraint", d.getAnnotation().annotationType().getSimpleName());
                    d.getAttributes().forEach((k, v) -> {
                        if (!List.of("message", "groups", "payload", "flags").contains(k)) {
                            attrs.put(k, v);
                        }
                    });
                    constraints.add(attrs);
                }
                into.add(new FieldRule(field, constraints));
            }
            Class<?> nested = c.getType();
            if (List.class.isAssignableFrom(nested)
                    && c.getGenericType() instanceof ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> element
                    && element.isRecord()) {
                describe(element, field + "/*", into);
            } else if (nested.isRecord()) {
                describe(nested, field, into);
            }
        }
    }
}
