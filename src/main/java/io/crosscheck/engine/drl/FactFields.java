package io.crosscheck.engine.drl;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an author may name on a fact: its fields (bean properties and public fields, as DRL names them), its other
 * methods and its constructors, for messages that say what exists when a rule names something that does not
 * ({@code Symptom has no field 'trigerr' (did you mean 'trigger'?); its fields: ...}).
 */
public final class FactFields {

    private FactFields() {}

    /** The fields a constraint or {@code $x.field} may name: bean properties and public fields, sorted. */
    public static Set<String> fields(Class<?> type) {
        Set<String> names = new TreeSet<>();
        for (Method m : type.getMethods()) {
            String property = property(m);
            if (property != null
                    && m.getDeclaringClass() != Object.class
                    && !FactModel.REFUSED_MEMBERS.contains(m.getName())) {
                names.add(property);
            }
        }
        Arrays.stream(type.getFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()))
                .forEach(f -> names.add(f.getName()));
        return names;
    }

    /** The public methods that are not getters, as {@code name(Type, ...)}, sorted. */
    public static Set<String> methods(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getDeclaringClass() != Object.class && property(m) == null)
                .filter(m -> !FactModel.REFUSED_MEMBERS.contains(m.getName()))
                .map(m -> m.getName() + "(" + simpleNames(m.getParameterTypes()) + ")")
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The public constructors, as {@code Type(Arg, ...)}. */
    public static List<String> constructors(Class<?> type) {
        return Arrays.stream(type.getConstructors())
                .map(c -> type.getSimpleName() + "(" + simpleNames(c.getParameterTypes()) + ")")
                .sorted()
                .toList();
    }

    /** {@code Symptom has no field 'trigerr' (did you mean 'trigger'?); its fields: a, b; its methods: m(String)}. */
    public static String noSuchMember(Class<?> type, String name) {
        Set<String> fields = fields(type);
        Set<String> methods = methods(type);
        String guess = ValidValues.didYouMean(name, FactModel.membersOf(type));
        return type.getSimpleName() + " has no field or method '" + name + "'"
                + (guess == null ? "" : " (did you mean '" + guess + "'?)") + "; its fields: "
                + (fields.isEmpty() ? "none" : String.join(", ", fields))
                + (methods.isEmpty() ? "" : "; its methods: " + String.join(", ", methods));
    }

    /** {@code Finding has no constructor Finding(FindingDefinition); its constructors: Finding(FindingDefinition, Side)}. */
    public static String noSuchConstructor(Class<?> type, String called) {
        List<String> constructors = constructors(type);
        return type.getSimpleName() + " has no constructor " + called + "; its constructors: "
                + (constructors.isEmpty() ? "none" : String.join(", ", constructors));
    }

    /** The fact-model or allowed JDK type a rule names by this simple name, or null. */
    public static Class<?> type(String simpleName) {
        return FactModel.type(simpleName);
    }

    private static String simpleNames(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getSimpleName).collect(Collectors.joining(", "));
    }

    /** {@code getCode} -> {@code code}, {@code isPresent} -> {@code present}; null when not a getter. */
    private static String property(Method m) {
        String n = m.getName();
        int prefix = n.startsWith("get") ? 3 : n.startsWith("is") ? 2 : 0;
        if (prefix == 0 || n.length() == prefix || m.getParameterCount() != 0 || m.getReturnType() == void.class) {
            return null;
        }
        return Character.toLowerCase(n.charAt(prefix)) + n.substring(prefix + 1);
    }
}
