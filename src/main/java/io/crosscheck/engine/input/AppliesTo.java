package io.crosscheck.engine.input;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which clients a question applies to: an age band, sexes and symptom regions (any of them), and, for
 * follow-up questions, other yes/no answers. Empty means every client. A question that does not apply
 * to a client is not missing when unanswered.
 *
 * <ul>
 *   <li>{@code sexes}: the sexes asked; {@code not_stated} includes a client whose sex was not given, so that a
 *       question such as pregnancy is asked, never assumed away.
 *   <li>{@code whenYes}: a follow-up, asked only when each of these yes/no inputs was answered yes (weeks of
 *       pregnancy when pregnant).
 *   <li>{@code whenAnyYes}: a follow-up, asked only when at least one of these was answered yes (pelvic floor
 *       symptoms when pregnant or after a birth).
 *   <li>{@code orWhenYes}: asked also, whatever the age, sex and regions, when any of these was answered yes (bone
 *       health from 50, or at any age with long-term corticosteroid use).
 * </ul>
 */
public record AppliesTo(
        Integer minAge,
        Integer maxAge,
        List<String> sexes,
        List<String> regions,
        List<String> whenYes,
        List<String> whenAnyYes,
        List<String> orWhenYes) {

    /** In {@link #sexes()}: the question applies also when the client's sex was not given. */
    public static final String NOT_STATED = "not_stated";

    public static final AppliesTo EVERYONE =
            new AppliesTo(null, null, List.of(), List.of(), List.of(), List.of(), List.of());

    public AppliesTo {
        sexes = sexes == null ? List.of() : List.copyOf(sexes);
        regions = regions == null ? List.of() : List.copyOf(regions);
        whenYes = whenYes == null ? List.of() : List.copyOf(whenYes);
        whenAnyYes = whenAnyYes == null ? List.of() : List.copyOf(whenAnyYes);
        orWhenYes = orWhenYes == null ? List.of() : List.copyOf(orWhenYes);
    }

    public AppliesTo(Integer minAge, Integer maxAge, List<String> sexes, List<String> regions) {
        this(minAge, maxAge, sexes, regions, List.of(), List.of(), List.of());
    }

    /** Whether the question applies to a client of this age and sex (null: not stated) with symptoms in these regions. */
    public boolean appliesTo(Integer age, String sex, Collection<String> symptomRegions) {
        return appliesTo(age, sex, symptomRegions, Set.of());
    }

    /**
     * Whether the question applies to this client, given the codes of the yes/no inputs answered yes.
     *
     * @param yes the codes of the yes/no inputs answered yes in this request
     */
    public boolean appliesTo(Integer age, String sex, Collection<String> symptomRegions, Set<String> yes) {
        if (orWhenYes.stream().anyMatch(yes::contains)) {
            return true;
        }
        if (!followsUpOn(yes)) {
            return false;
        }
        if (minAge != null && (age == null || age < minAge)) {
            return false;
        }
        if (maxAge != null && (age == null || age > maxAge)) {
            return false;
        }
        if (!sexes.isEmpty() && !(sex == null ? sexes.contains(NOT_STATED) : sexes.contains(sex))) {
            return false;
        }
        return regions.isEmpty() || symptomRegions.stream().anyMatch(regions::contains);
    }

    /** A follow-up question: asked only after a yes to another ({@code whenYes}, {@code whenAnyYes}). */
    public boolean isFollowUp() {
        return !whenYes.isEmpty() || !whenAnyYes.isEmpty();
    }

    /**
     * Whether the questions this one follows up were answered as it needs ({@code whenYes}: each yes;
     * {@code whenAnyYes}: at least one); true for a question that follows up none.
     *
     * @param yes the codes of the yes/no inputs answered yes
     */
    public boolean followsUpOn(Set<String> yes) {
        return whenYes.stream().allMatch(yes::contains)
                && (whenAnyYes.isEmpty() || whenAnyYes.stream().anyMatch(yes::contains));
    }

    /** Every input code the question's applicability depends on. */
    public List<String> dependsOn() {
        return java.util.stream.Stream.of(whenYes, whenAnyYes, orWhenYes)
                .flatMap(List::stream)
                .toList();
    }

    /** A short description for forms and the vocabulary, e.g. "clients with low back symptoms"; "" for everyone. */
    public String describe() {
        if (equals(EVERYONE)) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        if (!sexes.isEmpty()) {
            s.append(String.join(
                            " or ",
                            sexes.stream()
                                    .map(x -> x.equals(NOT_STATED) ? "sex not stated" : x)
                                    .toList()))
                    .append(' ');
        }
        s.append("clients");
        if (minAge != null && maxAge != null) {
            s.append(" aged ").append(minAge).append('-').append(maxAge);
        } else if (minAge != null) {
            s.append(" aged ").append(minAge).append(" or over");
        } else if (maxAge != null) {
            s.append(" aged ").append(maxAge).append(" or under");
        }
        if (!regions.isEmpty()) {
            s.append(" with ").append(words(regions)).append(" symptoms");
        }
        if (!whenYes.isEmpty()) {
            s.append(" answering yes to ").append(words(whenYes));
        }
        if (!whenAnyYes.isEmpty()) {
            s.append(" answering yes to ").append(words(whenAnyYes));
        }
        if (!orWhenYes.isEmpty()) {
            s.append(", or anyone answering yes to ").append(words(orWhenYes));
        }
        return s.toString();
    }

    private static String words(List<String> codes) {
        return String.join(" or ", codes.stream().map(r -> r.replace('_', ' ')).toList());
    }
}
