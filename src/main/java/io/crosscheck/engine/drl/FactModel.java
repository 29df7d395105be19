package io.crosscheck.engine.drl;

import io.crosscheck.engine.ReferenceIndex;
import io.crosscheck.engine.facts.*;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What rules may name: the fact model ({@code io.crosscheck.engine.facts}), the global {@code reference}
 * ({@link ReferenceIndex}) and a few harmless JDK types, and the members (methods, fields, bean properties) of those
 * types and of the engine types their methods return. Everything else, the JVM, files, network and reflection, is
 * out of reach of a rule. The list is fixed, not scanned: FactModelTest fails when a class of the fact package is
 * missing from it.
 */
final class FactModel {

    /** Every class of the fact package. */
    static final List<Class<?>> FACTS = List.of(
            Answer.class,
            Assessment.class,
            CareEpisode.class,
            ClientContext.class,
            CodedNote.class,
            Conclusion.class,
            Contributor.class,
            DependsOn.class,
            ExerciseWithheld.class,
            ExplainedSign.class,
            Fact.class,
            Finding.class,
            FindingDefinition.class,
            HealthConsideration.class,
            HealthScreen.class,
            HeldTest.class,
            InputFact.class,
            InterventionDefinition.class,
            InterventionIndication.class,
            Measurement.class,
            MissingTest.class,
            MovementTest.class,
            MuscleLengthTest.class,
            NotRecorded.class,
            OutcomeScore.class,
            PainState.class,
            PatternConclusion.class,
            PatternDefinition.class,
            PatternOnHold.class,
            PatternStatus.class,
            PatternSubtype.class,
            PostureObservation.class,
            Precaution.class,
            ProgrammeFeedback.class,
            RedFlag.class,
            RedFlagAnswer.class,
            RedFlagDefinition.class,
            RedFlagScreen.class,
            ReferenceFact.class,
            Referral.class,
            ScreenStatus.class,
            Side.class,
            Symptom.class,
            TestDefinition.class,
            TestWithheld.class,
            TestedBy.class,
            Threshold.class,
            UnansweredHealthQuestion.class,
            UnansweredQuestion.class,
            UnansweredRedFlag.class,
            Urgency.class,
            Withheld.class,
            YellowFlag.class);

    /** The JDK types a rule may import or name: collections, text and numbers, nothing that reaches the JVM. */
    static final List<Class<?>> JDK = List.of(
            Object.class,
            String.class,
            StringBuilder.class,
            CharSequence.class,
            Number.class,
            Integer.class,
            Long.class,
            Double.class,
            Boolean.class,
            Math.class,
            List.class,
            Set.class,
            Map.class,
            Collection.class);

    /** The global a rule may declare, and its only legal name. */
    static final Class<?> GLOBAL_TYPE = ReferenceIndex.class;

    /**
     * Members never allowed, whatever type has them: reflection, class loading, the JVM, system properties (the
     * {@code Integer.getInteger} family reads them). Named in the message when a rule uses one.
     */
    static final Set<String> REFUSED_MEMBERS = Set.of(
            "class",
            "getClass",
            "getDeclaringClass",
            "describeConstable",
            "resolveConstantDesc",
            "forName",
            "getClassLoader",
            "classLoader",
            "loadClass",
            "getMethod",
            "getMethods",
            "getDeclaredMethod",
            "getDeclaredMethods",
            "getDeclaredField",
            "getDeclaredFields",
            "getDeclaredConstructor",
            "getDeclaredConstructors",
            "getField",
            "getFields",
            "getConstructor",
            "invoke",
            "newInstance",
            "setAccessible",
            "getRuntime",
            "exec",
            "exit",
            "halt",
            "wait",
            "notify",
            "notifyAll",
            "getInteger",
            "getLong",
            "getBoolean",
            "getenv",
            "getProperty",
            "setProperty",
            "load",
            "loadLibrary");

    private static final Map<String, Class<?>> TYPES = types();
    private static final Set<String> MEMBERS = members();

    private FactModel() {}

    /** The type a rule may name by this simple name, or null. */
    static Class<?> type(String simpleName) {
        return TYPES.get(simpleName);
    }

    static boolean isFactClass(String qualifiedName) {
        return FACTS.stream().anyMatch(c -> c.getName().equals(qualifiedName));
    }

    /** Whether a name may follow a dot: a method, field or property of a type a rule can reach. */
    static boolean isMember(String name) {
        return MEMBERS.contains(name);
    }

    /** The names a constraint may use unqualified on a pattern of this type: its methods, fields and properties. */
    static Set<String> membersOf(Class<?> type) {
        Set<String> names = new HashSet<>();
        addMembers(type, names);
        names.removeAll(REFUSED_MEMBERS);
        return names;
    }

    private static Map<String, Class<?>> types() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        FACTS.forEach(c -> types.put(c.getSimpleName(), c));
        JDK.forEach(c -> types.put(c.getSimpleName(), c));
        return Map.copyOf(types);
    }

    /** Members of every type a rule can name, and of the engine types reachable from their methods. */
    private static Set<String> members() {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(TYPES.values());
        todo.add(GLOBAL_TYPE);
        Set<String> names = new HashSet<>();
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!seen.add(c)) {
                continue;
            }
            addMembers(c, names);
            for (Method m : c.getMethods()) {
                reachable(m.getGenericReturnType(), todo);
            }
            for (Field f : c.getFields()) {
                reachable(f.getGenericType(), todo);
            }
        }
        names.removeAll(REFUSED_MEMBERS);
        return Set.copyOf(names);
    }

    /** Follows return types into the engine's own packages (facts, input), never into the JDK or libraries. */
    private static void reachable(Type type, Deque<Class<?>> todo) {
        if (type instanceof Class<?> c) {
            Class<?> base = c.isArray() ? c.getComponentType() : c;
            if (base.getName().startsWith("io.crosscheck.engine.")) {
                todo.add(base);
            }
        } else if (type instanceof ParameterizedType p) {
            reachable(p.getRawType(), todo);
            for (Type arg : p.getActualTypeArguments()) {
                reachable(arg, todo);
            }
        }
    }

    private static void addMembers(Class<?> type, Set<String> names) {
        for (Method m : type.getMethods()) {
            if (m.getDeclaringClass() == Object.class
                    && !m.getName().equals("toString")
                    && !m.getName().equals("equals")
                    && !m.getName().equals("hashCode")) {
                continue;
            }
            names.add(m.getName());
            String property = property(m);
            if (property != null) {
                names.add(property);
            }
        }
        for (Field f : type.getFields()) {
            if (Modifier.isPublic(f.getModifiers())) {
                names.add(f.getName());
            }
        }
    }

    /** {@code getCode} -> {@code code}, {@code isPresent} -> {@code present}: the bean property DRL may name. */
    private static String property(Method m) {
        String n = m.getName();
        int prefix = n.startsWith("get") ? 3 : n.startsWith("is") ? 2 : 0;
        if (prefix == 0 || n.length() == prefix || m.getParameterCount() != 0) {
            return null;
        }
        return Character.toLowerCase(n.charAt(prefix)) + n.substring(prefix + 1);
    }
}
