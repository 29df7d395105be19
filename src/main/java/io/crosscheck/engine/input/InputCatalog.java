package io.crosscheck.engine.input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every input of the knowledge base ({@code rules/reference/inputs.yaml}): sections, inputs and the checks
 * between them. Validates what a request sends, section by section, and says which applicable inputs
 * were not sent. Knows no JSON: values arrive as Boolean, Number or String, anything else as
 * {@link #STRUCTURE}; a value that is null was not sent.
 */
public final class InputCatalog {

    /** Stands for a sent value that is an object or an array, which no input takes. */
    public static final Object STRUCTURE = new Object() {
        @Override
        public String toString() {
            return "an object or array";
        }
    };

    private final List<InputSection> sections;
    private final List<InputDefinition> inputs;
    private final List<InputCheck> checks;
    private final Map<String, InputDefinition> byCode = new LinkedHashMap<>();
    private final Map<String, InputDefinition> byPointer = new LinkedHashMap<>();

    public InputCatalog(List<InputSection> sections, List<InputDefinition> inputs, List<InputCheck> checks) {
        this.sections = List.copyOf(sections);
        this.inputs = List.copyOf(inputs);
        this.checks = List.copyOf(checks);
        for (InputDefinition i : this.inputs) {
            byCode.put(i.code(), i);
            byPointer.put(i.pointer(), i);
        }
    }

    public List<InputSection> sections() {
        return sections;
    }

    public List<InputDefinition> inputs() {
        return inputs;
    }

    public List<InputCheck> checks() {
        return checks;
    }

    public Optional<InputSection> section(String code) {
        return sections.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<InputDefinition> input(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public Optional<InputDefinition> input(String section, String field) {
        return Optional.ofNullable(byPointer.get("/" + section + "/" + field));
    }

    public List<InputDefinition> inputsOf(String section) {
        return inputs.stream().filter(i -> i.section().equals(section)).toList();
    }

    /** A problem with what was sent, at a JSON pointer; {@code wrongType} problems are a 400 in the API, others 422. */
    public record InputProblem(String pointer, String message, Object rejected, boolean wrongType) {}

    /** An input that was sent, with its value as the rules see it (Boolean, Double or String). */
    public record Answered(InputDefinition input, Object value) {}

    /**
     * Every problem with the sent sections (section code -> field -> value): unknown fields, values of the
     * wrong type or out of range, unknown options, required inputs not sent and broken checks between inputs.
     * Sections not defined here are the caller's business.
     */
    public List<InputProblem> validate(Map<String, Map<String, Object>> sent) {
        List<InputProblem> problems = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> s : sent.entrySet()) {
            if (s.getValue() == null) {
                continue;
            }
            for (Map.Entry<String, Object> f : s.getValue().entrySet()) {
                String pointer = "/" + s.getKey() + "/" + f.getKey();
                InputDefinition def = byPointer.get(pointer);
                if (def == null) {
                    problems.add(new InputProblem(pointer, "unknown field", null, true));
                } else if (f.getValue() != null) {
                    def.check(f.getValue())
                            .ifPresent(p ->
                                    problems.add(new InputProblem(pointer, p.message(), p.rejected(), p.wrongType())));
                }
            }
        }
        for (InputDefinition i : inputs) {
            if (i.required() && value(sent, i) == null) {
                boolean sectionSent = sent.get(i.section()) != null;
                problems.add(new InputProblem(
                        sectionSent ? i.pointer() : "/" + i.section(), "required: " + i.phrase(), null, false));
            }
        }
        for (InputCheck c : checks) {
            check(c, sent, problems);
        }
        return problems;
    }

    private void check(InputCheck c, Map<String, Map<String, Object>> sent, List<InputProblem> problems) {
        List<InputDefinition> defs = c.inputs().stream().map(byCode::get).toList();
        switch (c.kind()) {
            case NOT_ABOVE -> {
                Object a = value(sent, defs.get(0));
                Object b = value(sent, defs.get(1));
                if (a instanceof Number x
                        && b instanceof Number y
                        && defs.get(0).check(a).isEmpty()
                        && defs.get(1).check(b).isEmpty()
                        && x.doubleValue() > y.doubleValue()) {
                    problems.add(new InputProblem(defs.get(0).pointer(), c.message(), a, false));
                }
            }
            case TOGETHER -> {
                List<InputDefinition> missing =
                        defs.stream().filter(d -> value(sent, d) == null).toList();
                if (!missing.isEmpty() && missing.size() < defs.size()) {
                    problems.add(new InputProblem(missing.get(0).pointer(), c.message(), null, false));
                }
            }
        }
    }

    /** The inputs sent, in catalog order, with their values as the rules see them; call after {@link #validate}. */
    public List<Answered> answered(Map<String, Map<String, Object>> sent) {
        List<Answered> out = new ArrayList<>();
        for (InputDefinition i : inputs) {
            Object v = value(sent, i);
            if (v != null && i.check(v).isEmpty()) {
                out.add(new Answered(i, i.normalise(v)));
            }
        }
        return out;
    }

    /** The inputs that apply to this client and were not sent (follow-ups only when what they follow was answered yes). */
    public List<InputDefinition> notSent(
            Map<String, Map<String, Object>> sent, Integer age, String sex, Collection<String> regions) {
        java.util.Set<String> yes = new java.util.HashSet<>();
        for (InputDefinition i : inputs) {
            if (i.type() == InputType.YES_NO && Boolean.TRUE.equals(value(sent, i))) {
                yes.add(i.code());
            }
        }
        return inputs.stream()
                .filter(i -> value(sent, i) == null && i.appliesTo().appliesTo(age, sex, regions, yes))
                .toList();
    }

    private static Object value(Map<String, Map<String, Object>> sent, InputDefinition i) {
        Map<String, Object> section = sent.get(i.section());
        return section == null ? null : section.get(i.field());
    }
}
