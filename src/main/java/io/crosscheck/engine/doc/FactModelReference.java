package io.crosscheck.engine.doc;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.ReferenceIndex;
import io.crosscheck.engine.drl.DrlAllowList;
import io.crosscheck.engine.drl.ParsedRule;
import io.crosscheck.engine.facts.Conclusion;
import io.crosscheck.engine.facts.InputFact;
import io.crosscheck.engine.facts.ReferenceFact;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fact-model reference for rule authors ({@code docs/fact-model.md}): every fact type a rule can match or insert,
 * its fields with their types, the values they take and what they mean, and a condition that matches it, written from
 * the fact classes themselves (their {@link FactDoc} descriptions, read by reflection) and the codes of a knowledge
 * base's reference data. Regenerate the committed file with {@link #COMMAND}; FactModelReferenceTest fails when it
 * differs, when a field has no description, or when an example does not compile.
 */
public final class FactModelReference {

    /** The command that writes the committed reference. */
    public static final String COMMAND = "bin/crosscheck fact-model > docs/fact-model.md";

    /** The groups the reference lists types in, and what each group is. */
    enum Group {
        INPUTS("Inputs", "what the request sent; in working memory from the start"),
        CONCLUSIONS("Conclusions", "what rules insert; the explanation records the rule and the facts it matched"),
        REFERENCE("Reference data", "`rules/reference/*.yaml`, matched `from reference....`, never in working memory"),
        VALUES("Values and supertypes", "the types fields hold, and what every fact is");

        final String title;
        final String what;

        Group(String title, String what) {
            this.title = title;
            this.what = what;
        }

        static Group of(Class<?> type) {
            if (ReferenceFact.class.isAssignableFrom(type)) {
                return REFERENCE;
            }
            if (InputFact.class.isAssignableFrom(type)) {
                return INPUTS;
            }
            if (Conclusion.class.isAssignableFrom(type)) {
                return CONCLUSIONS;
            }
            return VALUES;
        }
    }

    private FactModelReference() {}

    /** The reference as Markdown, with the codes of this knowledge base's reference data and rules. */
    public static String markdown(ReferenceData reference, List<ParsedRule> rules) {
        FactTypeMarkdown types = new FactTypeMarkdown(reference, rules);
        StringBuilder md = new StringBuilder();
        md.append("# Fact model reference\n\n");
        md.append("<!-- Generated from the engine's fact classes (io.crosscheck.engine.facts and their @FactDoc"
                        + " descriptions) and the codes of rules/reference: do not edit by hand. Regenerate with `")
                .append(COMMAND)
                .append("`; FactModelReferenceTest fails when this file is out of date. -->\n\n");
        md.append("""
                Every fact a rule can match or insert: its fields, their types, the values they take (codes from \
                `rules/reference/`, listed when there are few) and what they mean, and a condition that matches it. \
                In a condition a field is named as it is here (`Symptom( trigger == "exercise" )`); in a consequence \
                it is read through its getter (`$s.getTrigger()`, `$o.isPresent()` for a yes/no field). Every fact \
                also has `describe()`: the fact in words, as the explanation says it. A field that may be null says \
                so: compare it only after testing it (`measured`, `nrs != null`); the linter checks this. What a rule \
                may contain besides: `rules/README.md` ("What a rule may contain").

                """);
        Map<Group, List<Class<?>>> groups = groups();
        md.append("## Contents\n\n");
        md.append("- [The reference global](#the-reference-global): looking up reference data\n");
        groups.forEach((g, list) -> md.append("- [")
                .append(g.title)
                .append("](#")
                .append(anchor(g.title))
                .append("), ")
                .append(g.what)
                .append(": ")
                .append(String.join(
                        ", ",
                        list.stream()
                                .map(c -> "[" + c.getSimpleName() + "](#" + anchor(c.getSimpleName()) + ")")
                                .toList()))
                .append('\n'));
        md.append("\n## The reference global\n\n");
        md.append("Rules reach reference data through the global `reference` (declare it: `global ")
                .append(ReferenceIndex.class.getName())
                .append(" reference;`). One entry by key gives nothing when there is no such entry; keep the key")
                .append(" constraint in the pattern too, where the linter checks the code.\n\n");
        for (Method m : referenceLookups()) {
            FactDoc doc = m.getAnnotation(FactDoc.class);
            md.append("- `reference.")
                    .append(m.getName())
                    .append(FactMembers.signature(m))
                    .append("` → `")
                    .append(FactMembers.typeName(m.getGenericReturnType()))
                    .append("`: ")
                    .append(doc == null ? "" : doc.value())
                    .append('\n');
        }
        groups.forEach((g, list) -> {
            md.append("\n## ").append(g.title).append("\n\n");
            md.append(Character.toUpperCase(g.what.charAt(0)))
                    .append(g.what.substring(1))
                    .append(".\n");
            list.forEach(c -> md.append('\n').append(types.type(c)));
        });
        return md.toString();
    }

    /** Every type, field, method and enum constant of the fact model without a description ("Symptom.trigger"). */
    public static List<String> undocumented() {
        List<String> missing = undocumented(DrlAllowList.factTypes());
        referenceLookups().stream()
                .filter(m -> m.getAnnotation(FactDoc.class) == null)
                .forEach(m -> missing.add("reference." + m.getName() + "()"));
        return missing;
    }

    static List<String> undocumented(List<Class<?>> types) {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : types) {
            String name = type.getSimpleName();
            FactDoc doc = type.getAnnotation(FactDoc.class);
            if (doc == null || doc.value().isBlank()) {
                missing.add(name);
            }
            if (doc == null || doc.example().isBlank()) {
                missing.add(name + " (example)");
            }
            FactMembers.properties(type).stream()
                    .filter(p -> p.doc() == null || p.doc().value().isBlank())
                    .forEach(p -> missing.add(name + "." + p.name()));
            FactMembers.calls(type).stream()
                    .filter(c -> c.doc() == null || c.doc().value().isBlank())
                    .forEach(c -> missing.add(name + "." + c.method().getName() + "()"));
            FactMembers.constants(type).stream()
                    .filter(c -> type.isEnum() && c.doc() == null)
                    .forEach(c -> missing.add(name + "." + c.name()));
        }
        return missing;
    }

    /** Each fact type's example condition, by simple name. */
    public static Map<String, String> examples() {
        Map<String, String> examples = new LinkedHashMap<>();
        for (Class<?> type : DrlAllowList.factTypes()) {
            FactDoc doc = type.getAnnotation(FactDoc.class);
            if (doc != null && !doc.example().isBlank()) {
                examples.put(type.getSimpleName(), doc.example());
            }
        }
        return examples;
    }

    static String anchor(String heading) {
        return heading.toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    private static Map<Group, List<Class<?>>> groups() {
        Map<Group, List<Class<?>>> groups = new LinkedHashMap<>();
        for (Group g : Group.values()) {
            groups.put(
                    g,
                    DrlAllowList.factTypes().stream()
                            .filter(c -> Group.of(c) == g)
                            .sorted(Comparator.comparing((Class<?> c) -> isConcrete(c))
                                    .thenComparing(Class::getSimpleName))
                            .toList());
        }
        return groups;
    }

    /** Interfaces and abstract classes come first in their group: the types others are matched as. */
    private static boolean isConcrete(Class<?> c) {
        return !c.isInterface() && !Modifier.isAbstract(c.getModifiers());
    }

    private static List<Method> referenceLookups() {
        return Arrays.stream(ReferenceIndex.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .sorted(Comparator.comparing((Method m) -> m.getParameterCount() == 0)
                        .thenComparing(Method::getName))
                .toList();
    }
}
