package io.crosscheck.knowledge.service;

import io.crosscheck.engine.KnowledgeProblem;
import io.crosscheck.engine.input.AppliesTo;
import io.crosscheck.engine.input.Coding;
import io.crosscheck.engine.input.InputCatalog;
import io.crosscheck.engine.input.InputCheck;
import io.crosscheck.engine.input.InputDefinition;
import io.crosscheck.engine.input.InputSection;
import io.crosscheck.engine.input.InputType;
import io.crosscheck.engine.input.Onset;
import io.crosscheck.engine.input.Option;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns {@code rules/reference/inputs.yaml} into an {@link InputCatalog}, reporting every entry that
 * cannot work (unknown section or type, a number without its range, a choice without options, a field
 * given twice, a check on an unknown input) as a knowledge-base problem, so the knowledge base is refused
 * instead of a request failing later.
 */
final class InputCatalogReader {

    static final String FILE = "inputs.yaml";

    /** Members of the screening request that are not answer sections: a section may not take their names. */
    static final Set<String> STRUCTURED_MEMBERS =
            Set.of("clientRef", "observations", "muscleLength", "movementPatterns", "symptoms", "redFlags");

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern FIELD = Pattern.compile("[a-z][A-Za-z0-9]*");

    record InputFile(List<SectionEntry> sections, List<InputEntry> inputs, List<CheckEntry> checks) {}

    record SectionEntry(
            String code, String label, String test, String help, String screen, List<String> affects, String source) {}

    record InputEntry(
            String code,
            String section,
            String field,
            String label,
            String phrase,
            String type,
            String unit,
            Double min,
            Double max,
            List<Option> options,
            Boolean required,
            AppliesTo appliesTo,
            List<Coding> coding,
            Onset onset,
            String test,
            String evidence) {}

    record CheckEntry(String kind, String input, String limit, List<String> inputs, String message) {}

    private InputCatalogReader() {}

    static InputCatalog catalog(InputFile file, String path, List<KnowledgeProblem> problems) {
        int before = problems.size();
        List<InputSection> sections = new ArrayList<>();
        Set<String> sectionCodes = new HashSet<>();
        for (SectionEntry s : nullToEmpty(file.sections())) {
            if (s.code() == null
                    || !FIELD.matcher(s.code()).matches()
                    || STRUCTURED_MEMBERS.contains(s.code())
                    || !sectionCodes.add(s.code())) {
                problem(
                        problems,
                        path,
                        "section '" + s.code() + "': the code must be a new JSON member name (letters and digits, "
                                + "starting lower-case, not one of " + STRUCTURED_MEMBERS + ")");
            }
            if (s.screen() != null && !InputSection.HEALTH.equals(s.screen())) {
                problem(
                        problems,
                        path,
                        "section '" + s.code() + "': screen must be '" + InputSection.HEALTH + "' (was '" + s.screen()
                                + "')");
            }
            sections.add(new InputSection(
                    s.code(),
                    s.label() == null ? s.code() : s.label(),
                    s.test(),
                    s.help(),
                    s.screen(),
                    s.affects(),
                    s.source()));
        }
        List<InputDefinition> inputs = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> pointers = new HashSet<>();
        for (InputEntry e : nullToEmpty(file.inputs())) {
            String where = "input '" + e.code() + "': ";
            if (e.code() == null || !CODE.matcher(e.code()).matches() || !codes.add(e.code())) {
                problem(problems, path, where + "needs a unique snake_case code");
                continue;
            }
            if (!sectionCodes.contains(e.section())) {
                problem(problems, path, where + "section '" + e.section() + "' is not defined under sections");
            }
            String field = e.field() != null ? e.field() : camel(e.code());
            if (!FIELD.matcher(field).matches() || !pointers.add(e.section() + "/" + field)) {
                problem(
                        problems,
                        path,
                        where + "field '" + field + "' is not a JSON member name or is used twice in its section");
            }
            InputType type = InputType.of(e.type()).orElse(null);
            if (type == null) {
                problem(
                        problems,
                        path,
                        where + "type must be one of yes_no, integer, number, choice (was '" + e.type() + "')");
                continue;
            }
            if (type.numeric() && (e.min() == null || e.max() == null || e.min() > e.max())) {
                problem(problems, path, where + "a number needs min and max (min <= max)");
            }
            if (type == InputType.CHOICE && (e.options() == null || e.options().isEmpty())) {
                problem(problems, path, where + "a choice needs options");
            }
            if (e.label() == null || e.label().isBlank()) {
                problem(problems, path, where + "needs a label");
            }
            inputs.add(new InputDefinition(
                    e.code(),
                    e.section(),
                    field,
                    e.label(),
                    e.phrase(),
                    type,
                    e.unit(),
                    e.min(),
                    e.max(),
                    e.options(),
                    Boolean.TRUE.equals(e.required()),
                    e.appliesTo(),
                    e.coding(),
                    e.onset(),
                    e.test(),
                    e.evidence()));
        }
        followUps(inputs, path, problems);
        List<InputCheck> checks = new ArrayList<>();
        for (CheckEntry c : nullToEmpty(file.checks())) {
            List<String> refs = new ArrayList<>();
            InputCheck.Kind kind = null;
            if ("notAbove".equals(c.kind())) {
                kind = InputCheck.Kind.NOT_ABOVE;
                refs.add(c.input());
                refs.add(c.limit());
            } else if ("together".equals(c.kind())) {
                kind = InputCheck.Kind.TOGETHER;
                refs.addAll(nullToEmpty(c.inputs()));
            } else {
                problem(problems, path, "check kind must be notAbove or together (was '" + c.kind() + "')");
                continue;
            }
            if (refs.isEmpty() || refs.stream().anyMatch(r -> r == null || !codes.contains(r))) {
                problem(problems, path, "check " + c.kind() + " names an input that is not defined: " + refs);
                continue;
            }
            checks.add(new InputCheck(kind, refs, c.message() == null ? c.kind() + " " + refs : c.message()));
        }
        return problems.size() > before ? null : new InputCatalog(sections, inputs, checks);
    }

    /** A follow-up question ({@code whenYes}, {@code orWhenYes}) must hang on a yes/no input that exists. */
    private static void followUps(List<InputDefinition> inputs, String path, List<KnowledgeProblem> problems) {
        Set<String> yesNo = new HashSet<>();
        inputs.stream().filter(i -> i.type() == InputType.YES_NO).forEach(i -> yesNo.add(i.code()));
        for (InputDefinition i : inputs) {
            for (String on : i.appliesTo().dependsOn()) {
                if (!yesNo.contains(on) || on.equals(i.code())) {
                    problem(
                            problems,
                            path,
                            "input '" + i.code() + "': appliesTo names '" + on
                                    + "', which is not another yes_no input");
                }
            }
        }
    }

    /** sitting_hours_per_day -> sittingHoursPerDay */
    static String camel(String code) {
        StringBuilder s = new StringBuilder();
        boolean up = false;
        for (char ch : code.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                s.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return s.toString();
    }

    private static <T> List<T> nullToEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static void problem(List<KnowledgeProblem> problems, String path, String message) {
        problems.add(new KnowledgeProblem(path, 0, 0, message));
    }
}
