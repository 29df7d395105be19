package io.crosscheck.engine.doc;

import io.crosscheck.engine.ReferenceData;
import io.crosscheck.engine.drl.DrlAllowList;
import io.crosscheck.engine.drl.ParsedRule;
import io.crosscheck.engine.facts.Conclusion;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One fact type of the reference as Markdown: its description, fields table, methods, constants, creation, example. */
final class FactTypeMarkdown {

    /** Code lists up to this long are written out; longer ones are named by where they are defined. */
    static final int LISTED = 24;

    private final ReferenceData reference;
    private final List<ParsedRule> rules;

    FactTypeMarkdown(ReferenceData reference, List<ParsedRule> rules) {
        this.reference = reference;
        this.rules = rules;
    }

    String type(Class<?> type) {
        StringBuilder md = new StringBuilder();
        String name = type.getSimpleName();
        FactDoc doc = type.getAnnotation(FactDoc.class);
        md.append("### ").append(name).append("\n\n");
        md.append(doc == null ? "" : doc.value()).append('\n');
        List<String> supertypes = supertypes(type);
        if (!supertypes.isEmpty()) {
            md.append("\nAlso matched as ")
                    .append(String.join(", ", supertypes))
                    .append(".\n");
        }
        List<FactMembers.Property> properties = FactMembers.properties(type);
        if (!properties.isEmpty()) {
            Set<String> names = new java.util.HashSet<>();
            Set<String> twice = properties.stream()
                    .map(FactMembers.Property::name)
                    .filter(n -> !names.add(n))
                    .collect(Collectors.toSet());
            md.append("\n| field | type | values | meaning |\n|---|---|---|---|\n");
            for (FactMembers.Property p : properties) {
                md.append("| `")
                        .append(p.name())
                        .append('`')
                        .append(twice.contains(p.name()) ? " (`" + p.accessor().getName() + "()`)" : "")
                        .append(" | ")
                        .append(typeCell(p.accessor().getGenericReturnType()))
                        .append(" | ")
                        .append(cell(values(p.accessor().getReturnType(), p.doc())))
                        .append(" | ")
                        .append(cell(p.doc() == null ? "" : p.doc().value()))
                        .append(" |\n");
            }
        }
        List<FactMembers.Constant> constants = FactMembers.constants(type);
        if (type.isEnum()) {
            md.append("\n| constant | meaning |\n|---|---|\n");
            constants.forEach(c -> md.append("| `")
                    .append(name)
                    .append('.')
                    .append(c.name())
                    .append("` | ")
                    .append(cell(c.doc() == null ? "" : c.doc().value()))
                    .append(" |\n"));
        } else if (!constants.isEmpty()) {
            md.append("\nConstants: ")
                    .append(constants.stream()
                            .map(c -> "`" + name + "." + c.name() + "` = `\"" + c.value() + "\"`")
                            .collect(Collectors.joining(", ")))
                    .append(".\n");
        }
        List<FactMembers.Call> calls = FactMembers.calls(type);
        if (!calls.isEmpty()) {
            md.append("\nMethods:\n\n");
            for (FactMembers.Call c : calls) {
                boolean isStatic = Modifier.isStatic(c.method().getModifiers());
                md.append("- `")
                        .append(isStatic ? name + "." : "")
                        .append(c.method().getName())
                        .append(FactMembers.signature(c.method()))
                        .append("` → `")
                        .append(FactMembers.typeName(c.method().getGenericReturnType()))
                        .append("`: ")
                        .append(c.doc() == null ? "" : c.doc().value());
                String codes = c.doc() == null ? "" : values(String.class, c.doc());
                md.append(codes.isEmpty() ? "" : " Takes " + codes + ".").append('\n');
            }
        }
        if (Conclusion.class.isAssignableFrom(type)
                && isConcrete(type)
                && !FactMembers.constructors(type).isEmpty()) {
            md.append("\nCreated in a consequence with ")
                    .append(FactMembers.constructors(type).stream()
                            .map(c -> "`new " + name + FactMembers.signature(c) + "`" + constructorDoc(c))
                            .collect(Collectors.joining(" or ")))
                    .append(".\n");
        }
        if (doc != null && !doc.example().isBlank()) {
            md.append("\n```drl\n").append(doc.example()).append("\n```\n");
        }
        return md.toString();
    }

    private static String constructorDoc(Constructor<?> c) {
        FactDoc doc = c.getAnnotation(FactDoc.class);
        return doc == null ? "" : " (" + doc.value() + ")";
    }

    /** The values a field takes: an enum's constants, the fixed values, or the codes and where they are defined. */
    private String values(Class<?> returnType, FactDoc doc) {
        if (returnType.isEnum()) {
            return Arrays.stream(returnType.getEnumConstants())
                    .map(e -> "`" + returnType.getSimpleName() + "." + ((Enum<?>) e).name() + "`")
                    .collect(Collectors.joining(", "));
        }
        if (doc == null) {
            return "";
        }
        if (doc.values().length > 0) {
            return Arrays.stream(doc.values()).map(v -> "`" + v + "`").collect(Collectors.joining(", "));
        }
        if (doc.codes() == Codes.NONE) {
            return "";
        }
        List<String> codes = doc.codes().codes(reference, rules);
        if (codes.isEmpty() || codes.size() > LISTED) {
            return "codes defined in " + doc.codes().where();
        }
        return codes.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", ")) + " (defined in "
                + doc.codes().where() + ")";
    }

    /** The type of a field, linked when it is a fact-model type. */
    private static String typeCell(Type t) {
        if (t instanceof Class<?> c && DrlAllowList.factTypes().contains(c)) {
            return "[`" + c.getSimpleName() + "`](#" + FactModelReference.anchor(c.getSimpleName()) + ")";
        }
        if (t instanceof ParameterizedType p
                && p.getActualTypeArguments().length == 1
                && p.getActualTypeArguments()[0] instanceof Class<?> arg
                && DrlAllowList.factTypes().contains(arg)) {
            return "`" + FactMembers.typeName(p.getRawType()) + "` of [`" + arg.getSimpleName() + "`](#"
                    + FactModelReference.anchor(arg.getSimpleName()) + ")";
        }
        return "`" + FactMembers.typeName(t) + "`";
    }

    /** The fact-model supertypes of a type (nearest first), as links. */
    private static List<String> supertypes(Class<?> type) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(type);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (c.getSuperclass() != null) {
                todo.add(c.getSuperclass());
            }
            todo.addAll(Arrays.asList(c.getInterfaces()));
            if (c != type && DrlAllowList.factTypes().contains(c)) {
                seen.add(c);
            }
        }
        List<String> links = new ArrayList<>();
        seen.forEach(
                c -> links.add("[" + c.getSimpleName() + "](#" + FactModelReference.anchor(c.getSimpleName()) + ")"));
        return links;
    }

    private static boolean isConcrete(Class<?> c) {
        return !c.isInterface() && !Modifier.isAbstract(c.getModifiers());
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
