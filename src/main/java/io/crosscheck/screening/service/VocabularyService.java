package io.crosscheck.screening.service;

import io.crosscheck.engine.KnowledgeBase;
import io.crosscheck.engine.Vocabulary;
import io.crosscheck.engine.facts.RedFlagDefinition;
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
    public record RedFlagDomain(String domain, String label, String urgency, List<Vocabulary.Code> flags) {
    }

    /** A constrained request field: JSON pointer pattern, constraints as attribute maps. */
    public record FieldRule(String field, List<Map<String, Object>> constraints) {
    }

    /** The full vocabulary document. */
    public record VocabularyView(String knowledgeBaseVersion, Vocabulary codes, List<RedFlagDomain> redFlags,
                                 List<FieldRule> fields) {
    }

    public VocabularyView view(KnowledgeBase kb) {
        Map<String, RedFlagDomain> domains = new LinkedHashMap<>();
        for (RedFlagDefinition d : kb.reference().redFlags()) {
            domains.computeIfAbsent(d.getDomain(), k -> new RedFlagDomain(d.getDomain(), d.getDomainLabel(),
                    d.getUrgency().name().toLowerCase(), new ArrayList<>())).flags().add(new Vocabulary.Code(d.getCode(), d.getLabel()));
        }
        return new VocabularyView(kb.version(), kb.reference().vocabulary(), List.copyOf(domains.values()), fields);
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
            if (List.class.isAssignableFrom(nested) && c.getGenericType() instanceof ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                describe(element, field + "/*", into);
            } else if (nested.isRecord()) {
                describe(nested, field, into);
            }
        }
    }
}
