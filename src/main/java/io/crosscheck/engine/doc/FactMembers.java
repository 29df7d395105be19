package io.crosscheck.engine.doc;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a rule sees of one fact type, read by reflection: its fields (bean properties, or a record's components), its
 * other public methods, its enum constants and constants, its constructors, each with the {@link FactDoc} that
 * describes it (looked up on the type, its superclasses and interfaces, so an override inherits the description).
 */
final class FactMembers {

    /** A field as DRL names it ({@code trigger}), the method that reads it, and its description (null: none). */
    record Property(String name, Method accessor, FactDoc doc) {}

    /** A public method a rule may call, other than a field's getter and {@code describe()}. */
    record Call(Method method, FactDoc doc) {}

    /** An enum constant or a public constant, with its description (constants need none: their value says it). */
    record Constant(String name, Object value, FactDoc doc) {}

    private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "getClass");

    private FactMembers() {}

    static List<Property> properties(Class<?> type) {
        Map<String, Property> byAccessor = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                byAccessor.put(c.getName(), new Property(c.getName(), c.getAccessor(), doc(type, c.getAccessor())));
            }
            return List.copyOf(byAccessor.values());
        }
        for (Method m : publicMethods(type)) {
            String name = property(m);
            if (name != null) {
                byAccessor.put(m.getName(), new Property(name, m, doc(type, m)));
            }
        }
        return byAccessor.values().stream()
                .sorted(Comparator.comparing(Property::name)
                        .thenComparing(p -> p.accessor().getName()))
                .toList();
    }

    static List<Call> calls(Class<?> type) {
        Set<String> components = type.isRecord()
                ? Arrays.stream(type.getRecordComponents())
                        .map(RecordComponent::getName)
                        .collect(Collectors.toSet())
                : Set.of();
        List<Call> calls = new ArrayList<>();
        for (Method m : publicMethods(type)) {
            boolean isStatic = Modifier.isStatic(m.getModifiers());
            if (property(m) != null && !isStatic
                    || components.contains(m.getName()) && m.getParameterCount() == 0
                    || m.getName().equals("describe") && m.getParameterCount() == 0 && !isStatic
                    || type.isEnum()
                            && (m.getName().equals("values") || m.getName().equals("valueOf"))
                    || isStatic && m.getDeclaringClass() != type) {
                continue;
            }
            calls.add(new Call(m, doc(type, m)));
        }
        calls.sort(Comparator.comparing((Call c) -> c.method().getName())
                .thenComparing(c -> c.method().getParameterCount()));
        return calls;
    }

    /** Enum constants (each needs a description) and public static final fields (their value describes them). */
    static List<Constant> constants(Class<?> type) {
        List<Constant> constants = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            int mod = f.getModifiers();
            if (f.isEnumConstant()
                    || Modifier.isPublic(mod) && Modifier.isStatic(mod) && Modifier.isFinal(mod) && !f.isSynthetic()) {
                try {
                    constants.add(new Constant(f.getName(), f.get(null), f.getAnnotation(FactDoc.class)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }

    static List<Constructor<?>> constructors(Class<?> type) {
        return Arrays.stream(type.getConstructors())
                .sorted(Comparator.comparing((Constructor<?> c) -> c.getParameterCount())
                        .thenComparing(FactMembers::signature))
                .toList();
    }

    /** {@code (String code, String text)}: the parameters with their types and names. */
    static String signature(Executable e) {
        return Arrays.stream(e.getParameters())
                .map(p -> (p.isVarArgs()
                                ? typeName(p.getType().getComponentType()) + "..."
                                : typeName(p.getParameterizedType()))
                        + " " + p.getName())
                .collect(Collectors.joining(", ", "( ", " )"))
                .replace("(  )", "()");
    }

    /** A type as a rule author writes it: {@code String}, {@code List<String>}, {@code Side}. */
    static String typeName(Type t) {
        if (t instanceof Class<?> c) {
            return c.isArray() ? typeName(c.getComponentType()) + "[]" : c.getSimpleName();
        }
        if (t instanceof ParameterizedType p) {
            return typeName(p.getRawType())
                    + Arrays.stream(p.getActualTypeArguments())
                            .map(FactMembers::typeName)
                            .collect(Collectors.joining(", ", "<", ">"));
        }
        if (t instanceof WildcardType w) {
            return w.getUpperBounds().length == 1 && w.getUpperBounds()[0] != Object.class
                    ? "? extends " + typeName(w.getUpperBounds()[0])
                    : "?";
        }
        return t.getTypeName();
    }

    /** {@code getTrigger} -> {@code trigger}, {@code isYes} -> {@code yes}; null when the method is no getter. */
    static String property(Method m) {
        String n = m.getName();
        int prefix = n.startsWith("get") ? 3 : n.startsWith("is") ? 2 : 0;
        if (prefix == 0
                || n.length() == prefix
                || !Character.isUpperCase(n.charAt(prefix))
                || m.getParameterCount() != 0
                || m.getReturnType() == void.class
                || Modifier.isStatic(m.getModifiers())) {
            return null;
        }
        return Character.toLowerCase(n.charAt(prefix)) + n.substring(prefix + 1);
    }

    /** The public methods a rule reaches: the type's and its supertypes', not Object's, Enum's or Record's. */
    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> !m.isSynthetic() && !m.isBridge())
                .filter(m -> !OBJECT_METHODS.contains(m.getName()))
                .filter(m -> {
                    Class<?> d = m.getDeclaringClass();
                    return d != Object.class && d != Enum.class && d != Record.class;
                })
                .toList();
    }

    /** The description of a method: on the type itself, else on the nearest supertype that declares it. */
    static FactDoc doc(Class<?> type, Method m) {
        if (type == null) {
            return null;
        }
        try {
            FactDoc own =
                    type.getDeclaredMethod(m.getName(), m.getParameterTypes()).getAnnotation(FactDoc.class);
            if (own != null) {
                return own;
            }
        } catch (NoSuchMethodException notHere) {
            // declared higher up
        }
        FactDoc up = doc(type.getSuperclass(), m);
        for (Class<?> i : type.getInterfaces()) {
            if (up == null) {
                up = doc(i, m);
            }
        }
        return up;
    }
}
